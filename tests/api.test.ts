// The public API, called as Next.js calls the route handlers, against real PostgreSQL and Redis.
// Rate limits are lowered for this file: the first import sets them before env() is first read.
import "./helpers/low-limits";
import { afterAll, describe, expect, it } from "vitest";
import { GET as getCheckRoute } from "../app/api/v1/checks/[id]/route";
import { POST as postCheck } from "../app/api/v1/checks/route";
import { GET as getIp } from "../app/api/v1/ip/route";
import { GET as getHealth } from "../app/api/health/route";
import { GET as getReady } from "../app/api/ready/route";
import { GET as unknownRoute } from "../app/api/v1/[...path]/route";
import { webContext } from "../lib/web-context";
import { newPeer, params, problem, request } from "./helpers/api";
import { standInForRegion } from "./helpers/region-stand-in";

standInForRegion();

const context = webContext();

afterAll(async () => {
  await context.probeQueue("local").obliterate({ force: true });
  await context.probeQueue("local").close();
  await context.redis.quit();
  await context.db.$disconnect();
});

async function post(body: unknown, peer = newPeer()) {
  return postCheck(request("/api/v1/checks", { body, peer }), params({}));
}

describe("POST /api/v1/checks", () => {
  it("stores a check, answers 202 with every port pending in the check's shape, and enqueues one job", async () => {
    const response = await post({ host: "127.0.0.2", ports: [80, "8000-8002", 22, 80], timeoutMs: 1500 });
    expect(response.status).toBe(202);
    const body = await response.json();
    expect(body).toMatchObject({ status: "queued", host: "127.0.0.2", ports: [22, 80, 8000, 8001, 8002], timeoutMs: 1500, protocol: "tcp", family: "both", tls: "auto", addresses: null, ownership: null });
    expect(body.results.map((result: { port: number; state: string }) => [result.port, result.state])).toEqual([22, 80, 8000, 8001, 8002].map((port) => [port, "pending"]));
    expect(body.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(response.headers.get("location")).toBe(`http://localhost:3000/api/v1/checks/${body.id}`);
    expect(body.links).toEqual({ self: `http://localhost:3000/api/v1/checks/${body.id}`, html: `http://localhost:3000/checks/${body.id}` });
    expect(new Date(body.createdAt).getTime()).toBeGreaterThan(Date.now() - 60_000);

    // Results are rows only once they have a verdict.
    expect(await context.db.checkResult.count({ where: { checkId: body.id } })).toBe(0);
    // One job (five ports make one chunk) on the local region's queue, carrying the plan.
    const job = await context.probeQueue("local").getJob(`check.${body.id}.local.0`);
    expect(job?.data).toMatchObject({ kind: "check", checkId: body.id, region: "local", chunk: 0, chunks: 1, host: "127.0.0.2", ports: [22, 80, 8000, 8001, 8002] });
    expect(job?.opts.priority).toBe(5);
    expect(body.regions).toEqual([{ region: "local", status: "queued", addresses: null, error: null, startedAt: null, finishedAt: null }]);
    expect(body.results.every((result: { region: string }) => result.region === "local")).toBe(true);
  });

  it("uses the default timeout and normalises the host", async () => {
    const response = await post({ host: "  0x7f.0.0.2 ", ports: [443] });
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ host: "127.0.0.2", timeoutMs: 1000 });
  });

  it("checks the caller's own address for host \"me\", from the socket and never from a forged header", async () => {
    const response = await postCheck(
      request("/api/v1/checks", { body: { host: "me", ports: [22] }, peer: "127.0.0.2", headers: { "x-forwarded-for": "8.8.8.8" } }),
      params({}),
    );
    expect(response.status).toBe(202);
    expect((await response.json()).host).toBe("127.0.0.2");
  });

  it.each([
    ["127.0.0.1"],
    ["127.1"],
    ["2130706433"],
    ["[::1]"],
    ["::ffff:127.0.0.1"],
    ["169.254.169.254"],
    ["10.0.0.1"],
    ["localhost"],
  ])("refuses the forbidden target %s with 422 target_forbidden", async (host) => {
    const response = await post({ host, ports: [22] });
    expect(response.status).toBe(422);
    const body = await problem(response);
    expect(body).toMatchObject({ status: 422, code: "target_forbidden", title: "Target not allowed" });
    expect(body.errors?.[0]?.path).toBe("host");
  });

  it("refuses to start a check when the caller's address is unknown (no rate limit could apply)", async () => {
    const response = await postCheck(request("/api/v1/checks", { body: { host: "127.0.0.2", ports: [22] }, peer: null }), params({}));
    expect(response.status).toBe(400);
    expect((await problem(response)).detail).toContain("could not determine your IP address");
  });

  it("refuses \"me\" when the caller's own address is forbidden", async () => {
    const response = await post({ host: "me", ports: [22] }, "127.0.0.1");
    expect(response.status).toBe(422);
  });

  it.each([
    [{ host: "127.0.0.2", ports: [0] }, "ports/0"],
    [{ host: "127.0.0.2", ports: [65536] }, "ports/0"],
    [{ host: "127.0.0.2", ports: [22, "abc"] }, "ports/1"],
    [{ host: "127.0.0.2", ports: ["1-21"] }, "ports"],
    [{ host: "127.0.0.2", ports: [] }, "ports"],
    [{ host: "127.0.0.2" }, "ports"],
    [{ host: "127.0.0.2", ports: "22" }, "ports"],
    [{ host: "127.0.0.2", ports: [true] }, "ports/0"],
    [{ ports: [22] }, "host"],
    [{ host: "", ports: [22] }, "host"],
    [{ host: 42, ports: [22] }, "host"],
    [{ host: "http://example.com/x", ports: [22] }, "host"],
    [{ host: "example.com:22", ports: [22] }, "host"],
    [{ host: "a".repeat(300), ports: [22] }, "host"],
    [{ host: "127.0.0.2", ports: [22], timeoutMs: 99 }, "timeoutMs"],
    [{ host: "127.0.0.2", ports: [22], timeoutMs: 10_001 }, "timeoutMs"],
    [{ host: "127.0.0.2", ports: [22], timeoutMs: "fast" }, "timeoutMs"],
    [{ host: "127.0.0.2", ports: [22], extra: true }, "body"],
    [[1, 2], "body"],
    [{ host: "127.0.0.2", ports: [22], protocol: "sctp" }, "protocol"],
    [{ host: "127.0.0.2", ports: [22], family: 4 }, "family"],
    [{ host: "127.0.0.2", ports: [22], family: "6" }, "family"],
    [{ host: "127.0.0.2", ports: [22], tls: "yes" }, "tls"],
    [{ host: "127.0.0.2", ports: [53], protocol: "udp", tls: true }, "tls"],
    [{ host: "127.0.0.2", ports: [22], verifyToken: "not-a-token" }, "verifyToken"],
  ])("refuses %j with 400 invalid_request at %s", async (body, path) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    const details = await problem(response);
    expect(details.code).toBe("invalid_request");
    expect(details.detail.length).toBeGreaterThan(0);
    expect(details.errors?.map((error) => error.path)).toContain(path);
  });

  it("refuses bodies that are not JSON, empty or too large", async () => {
    const notJson = await postCheck(request("/api/v1/checks", { rawBody: "{nope", headers: { "content-type": "application/json" } }), params({}));
    expect([notJson.status, (await problem(notJson)).code]).toEqual([400, "invalid_request"]);
    const empty = await postCheck(request("/api/v1/checks", { rawBody: "", headers: { "content-type": "application/json" } }), params({}));
    expect(empty.status).toBe(400);
    const form = await postCheck(request("/api/v1/checks", { rawBody: "host=x", headers: { "content-type": "application/x-www-form-urlencoded" } }), params({}));
    expect([form.status, (await problem(form)).code]).toEqual([415, "unsupported_media_type"]);
    const huge = await postCheck(request("/api/v1/checks", { body: { host: "127.0.0.2", ports: [22], pad: "x".repeat(20_000) } }), params({}));
    expect([huge.status, (await problem(huge)).code]).toEqual([413, "payload_too_large"]);
  });

  it("limits checks per client and answers 429 with Retry-After", async () => {
    const peer = newPeer();
    for (let i = 0; i < 5; i++) expect((await post({ host: "127.0.0.2", ports: [22] }, peer)).status).toBe(202);
    const limited = await post({ host: "127.0.0.2", ports: [22] }, peer);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await problem(limited)).code).toBe("rate_limited");
    // Another client is not affected.
    expect((await post({ host: "127.0.0.2", ports: [22] })).status).toBe(202);
  });

  it("keys IPv6 clients by their /64", async () => {
    for (let i = 0; i < 5; i++) expect((await post({ host: "127.0.0.2", ports: [22] }, `2001:db8:77:1::${i + 1}`)).status).toBe(202);
    expect((await post({ host: "127.0.0.2", ports: [22] }, "2001:db8:77:1:ffff::9")).status).toBe(429);
    expect((await post({ host: "127.0.0.2", ports: [22] }, "2001:db8:77:2::1")).status).toBe(202);
  });

  it("refuses a literal target at once when it has no probe budget left this minute", async () => {
    const { consume } = await import("../lib/limits/rate-limits");
    await consume(context.limiters.target, "127.0.0.2", 30);
    const response = await post({ host: "127.0.0.2", ports: [22, 23] });
    expect(response.status).toBe(429);
    expect((await problem(response)).detail).toContain("127.0.0.2");
    await context.limiters.target.delete("127.0.0.2");
  });
});

describe("GET /api/v1/checks/{id}", () => {
  it("returns the check with its results and IANA services", async () => {
    const created = await (await post({ host: "127.0.0.2", ports: [22, 80] })).json();
    const response = await getCheckRoute(request(`/api/v1/checks/${created.id}`), params({ id: created.id }));
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json();
    expect(body).toMatchObject({ id: created.id, status: "queued", host: "127.0.0.2", finishedAt: null, error: null });
    const pending = { region: "local", protocol: "tcp", family: null, state: "pending", reason: null, address: null, latencyMs: null, errorCode: null, checkedAt: null, tls: null, banner: null, ownership: null };
    expect(body.results).toEqual([
      { ...pending, port: 22, service: { name: "ssh", description: "The Secure Shell (SSH) Protocol" } },
      { ...pending, port: 80, service: { name: "www-http", description: "World Wide Web HTTP" } },
    ]);
  });

  it.each([["AAAAAAAAAAAAAAAAAAAAAA"], ["not-an-id"], ["../../etc/passwd"], ["x".repeat(5000)]])("is 404 not_found for %s", async (id) => {
    const response = await getCheckRoute(request(`/api/v1/checks/x`), params({ id }));
    expect(response.status).toBe(404);
    expect((await problem(response)).code).toBe("not_found");
  });
});

describe("other endpoints", () => {
  it("GET /api/v1/ip answers the caller's address and version", async () => {
    expect(await (await getIp(request("/api/v1/ip", { peer: "::ffff:198.51.100.23" }), params({}))).json()).toEqual({ ip: "198.51.100.23", version: 4 });
    expect(await (await getIp(request("/api/v1/ip", { peer: "2001:db8::5" }), params({}))).json()).toEqual({ ip: "2001:db8::5", version: 6 });
  });

  it("GET /api/health and /api/ready answer ok while PostgreSQL and Redis are up", async () => {
    expect(await (await getHealth()).json()).toEqual({ status: "ok" });
    const ready = await getReady();
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ok", checks: { postgres: "ok", redis: "ok" } });
  });

  it("unknown API paths are problem+json 404", async () => {
    const response = await unknownRoute(request("/api/v1/nope"), params({ path: ["nope"] }));
    expect(response.status).toBe(404);
    expect((await problem(response)).code).toBe("not_found");
  });
});
