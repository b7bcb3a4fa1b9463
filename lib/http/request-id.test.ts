import { describe, expect, it } from "vitest";
import { requestIdFrom } from "./request-id";

describe("requestIdFrom", () => {
  it("keeps a sane client id and replaces anything else with a UUID", () => {
    expect(requestIdFrom("lb-7f3a9c21")).toBe("lb-7f3a9c21");
    expect(requestIdFrom(["abcdefgh-1", "x"])).toBe("abcdefgh-1");
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    for (const bad of [undefined, null, "", "short", "has space in it", "x".repeat(65), "new\nline-injected", "<script>alert(1)</script>"]) expect(requestIdFrom(bad)).toMatch(uuid);
  });
});
