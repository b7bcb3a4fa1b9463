import { describe, expect, it } from "vitest";
import { refuseRequest } from "./request-guard";

describe("refuseRequest", () => {
  it("lets ordinary requests through", () => {
    for (const [method, url] of [["GET", "/"], ["GET", "/ports/0"], ["GET", "/ports/65535"], ["GET", "/ports/443?x=%20"], ["POST", "/api/v1/checks"], ["OPTIONS", "/api/v1/checks"], ["GET", "/ports"]]) {
      expect(refuseRequest(method, url), `${method} ${url}`).toBeNull();
    }
  });

  it("refuses TRACE, TRACK and CONNECT with 405 and the methods it serves", () => {
    for (const method of ["TRACE", "TRACK", "CONNECT", "PROPFIND"]) expect(refuseRequest(method, "/")).toMatchObject({ status: 405, headers: { allow: expect.stringContaining("GET") } });
  });

  it("refuses NUL bytes and broken percent-encoding with 400", () => {
    expect(refuseRequest("GET", "/api/v1/monitors/abc%00def")?.status).toBe(400);
    expect(refuseRequest("GET", "/api/v1/checks?wait=%00")?.status).toBe(400);
    expect(refuseRequest("GET", "/ports/%E0%A4%A")?.status).toBe(400);
    expect(refuseRequest("GET", "/%")?.status).toBe(400);
  });

  it("answers 404 for port pages of anything but 0 to 65535, written canonically", () => {
    for (const port of ["abc", "65536", "99999", "-1", "080", "1e3", "443.0", "", "123456"]) expect(refuseRequest("GET", `/ports/${port}`)?.status, port).toBe(404);
  });
});
