import { describe, expect, it } from "vitest";
import { safeNextPath, signInPath } from "./next-path";

describe("safeNextPath", () => {
  it("keeps paths on this site, with their query and fragment", () => {
    expect(safeNextPath("/monitors/abc")).toBe("/monitors/abc");
    expect(safeNextPath("/monitors/abc?range=7d#results")).toBe("/monitors/abc?range=7d#results");
    expect(safeNextPath("/settings")).toBe("/settings");
    expect(safeNextPath("/dashboard/../settings")).toBe("/settings");
  });

  it("refuses anything that could lead to another site or script", () => {
    for (const value of [
      "//evil.example",
      "//evil.example/path",
      "/\\evil.example",
      "\\\\evil.example",
      "/\\/evil.example",
      "https://evil.example",
      "http:evil.example",
      "javascript:alert(1)",
      "data:text/html,hi",
      "evil.example",
      "monitors",
      "/\t/evil.example",
      "/\n/evil.example",
      " /monitors",
      "",
      "/".padEnd(600, "a"),
    ]) {
      expect(safeNextPath(value), JSON.stringify(value)).toBeNull();
    }
    expect(safeNextPath(null)).toBeNull();
    expect(safeNextPath(undefined)).toBeNull();
  });

  it("does not return to the API or to the sign-in pages themselves", () => {
    expect(safeNextPath("/api/v1/monitors")).toBeNull();
    expect(safeNextPath("/sign-in?next=/x")).toBeNull();
    expect(safeNextPath("/sign-up")).toBeNull();
    expect(safeNextPath("/sign-in-help")).toBe("/sign-in-help");
  });

  it("builds the sign-in link that returns there", () => {
    expect(signInPath("/monitors/abc?x=1")).toBe("/sign-in?next=%2Fmonitors%2Fabc%3Fx%3D1");
    expect(signInPath("/dashboard")).toBe("/sign-in");
    expect(signInPath("//evil.example")).toBe("/sign-in");
  });
});
