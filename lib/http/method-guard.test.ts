import { describe, expect, it } from "vitest";
import { allowedMethods, compileTemplates } from "./method-guard";

const routes = compileTemplates([
  { method: "GET", path: "/api/v1/monitors" },
  { method: "POST", path: "/api/v1/monitors" },
  { method: "GET", path: "/api/v1/monitors/export" },
  { method: "GET", path: "/api/v1/monitors/{id}" },
  { method: "PATCH", path: "/api/v1/monitors/{id}" },
  { method: "POST", path: "/api/v1/monitors/{id}/test-alert" },
]);

describe("allowedMethods", () => {
  it("names the methods of the most specific matching route", () => {
    expect(allowedMethods("/api/v1/monitors", routes)?.sort()).toEqual(["GET", "HEAD", "OPTIONS", "POST"]);
    expect(allowedMethods("/api/v1/monitors/export?x=1", routes)?.sort()).toEqual(["GET", "HEAD", "OPTIONS"]);
    expect(allowedMethods("/api/v1/monitors/abc", routes)?.sort()).toEqual(["GET", "HEAD", "OPTIONS", "PATCH"]);
    expect(allowedMethods("/api/v1/monitors/abc/test-alert", routes)?.sort()).toEqual(["OPTIONS", "POST"]);
  });

  it("resolves dot segments first, and knows nothing of other paths", () => {
    expect(allowedMethods("/api/v1/monitors/x/../%7B%3E3", routes)?.sort()).toEqual(["GET", "HEAD", "OPTIONS", "PATCH"]);
    expect(allowedMethods("/api/v1/nothing", routes)).toBeNull();
    expect(allowedMethods("/api/v1/monitors/a/b/c", routes)).toBeNull();
  });
});
