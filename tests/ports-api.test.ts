// GET /api/v1/ports/{port}, called as Next.js calls it.
import { describe, expect, it } from "vitest";
import { GET } from "../app/api/v1/ports/[port]/route";
import { params, problem, request } from "./helpers/api";

const get = (port: string) => GET(request(`/api/v1/ports/${encodeURIComponent(port)}`), params({ port }));

describe("GET /api/v1/ports/{port}", () => {
  it("returns the port's range, services by protocol and notes with kind and source", async () => {
    const response = await get("31337");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("cache-control")).toContain("max-age");
    const body = await response.json();
    expect(body).toMatchObject({ port: 31337, range: { name: "registered", from: 1024, to: 49151 }, services: { tcp: expect.anything(), udp: expect.anything() } });
    expect(body.notes[0]).toMatchObject({ kind: "trojan", title: "Back Orifice", source: expect.stringContaining("SANS") });
  });

  it.each(["0", "65535", "22"])("answers for port %s", async (port) => {
    const response = await get(port);
    expect(response.status).toBe(200);
    expect((await response.json()).port).toBe(Number(port));
  });

  it.each(["65536", "-1", "22.5", "abc", "1e3", "0x16", "99999999999999999999"])("refuses %j with a clear 400", async (port) => {
    const response = await get(port);
    expect(response.status).toBe(400);
    const body = await problem(response);
    expect(body.code).toBe("invalid_request");
    expect(body.detail).toContain("0 to 65535");
    expect(body.errors).toEqual([{ path: "port", message: body.detail }]);
  });
});
