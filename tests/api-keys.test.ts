// API keys end to end through the route handlers: created by a session only, shown once, stored hashed,
// scoped, revoked at once, limited per key, never a way into another account, and wrong keys limited
// like wrong passwords. Every answer states its budget in RateLimit-* headers.
import { afterAll, describe, expect, it } from "vitest";
import { DELETE as deleteKey } from "../app/api/v1/api-keys/[id]/route";
import { GET as listKeys, POST as postKey } from "../app/api/v1/api-keys/route";
import { POST as postCheck } from "../app/api/v1/checks/route";
import { GET as getMonitor } from "../app/api/v1/monitors/[id]/route";
import { GET as listMonitors, POST as postMonitor } from "../app/api/v1/monitors/route";
import { hashApiKey } from "../lib/api-keys/key-format";
import { preflight } from "../lib/http/route";
import { BAD_KEYS_PER_MINUTE } from "../lib/limits/rate-limits";
import { webContext } from "../lib/web-context";
import { asAccount, signUp, type TestAccount } from "./helpers/accounts";
import { newPeer, params, problem, request } from "./helpers/api";
import { standInForRegion } from "./helpers/region-stand-in";

standInForRegion();

const context = webContext();

afterAll(async () => {
  await context.monitorQueues.monitors.obliterate({ force: true });
  await context.redis.quit();
  await context.db.$disconnect();
});

async function newKey(account: TestAccount, scope: "read" | "write", name = "ci") {
  const response = await postKey(asAccount(account, "/api/v1/api-keys", { method: "POST", body: { name, scope } }), params({}));
  expect(response.status).toBe(201);
  return (await response.json()) as { id: string; name: string; scope: string; prefix: string; key: string; createdAt: string; lastUsedAt: string | null };
}

function withKey(key: string, path: string, init: { method?: string; body?: unknown; peer?: string } = {}): Request {
  return request(path, { method: init.method, body: init.body, peer: init.peer ?? newPeer(), headers: { authorization: `Bearer ${key}` } });
}

const monitorBody = { name: "Via a key", host: "127.0.0.2", port: 9, paused: true, emailAlerts: false };

describe("API keys", () => {
  it("are created by a session, shown once, listed by prefix, stored only as a hash", async () => {
    const account = await signUp("keys");
    const created = await newKey(account, "write", "deploy script");
    expect(created).toMatchObject({ name: "deploy script", scope: "write", lastUsedAt: null });
    expect(created.key).toMatch(/^pck_[A-Za-z0-9_-]{43}$/);
    expect(created.key.startsWith(created.prefix)).toBe(true);
    const row = await context.db.apiKey.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.hash).toBe(hashApiKey(created.key));
    expect(JSON.stringify(row)).not.toContain(created.key);
    const listed = await (await listKeys(asAccount(account, "/api/v1/api-keys"), params({}))).json();
    expect(listed.apiKeys).toEqual([{ id: created.id, name: "deploy script", scope: "write", prefix: created.prefix, createdAt: created.createdAt, lastUsedAt: null }]);
    expect(listed.next).toBeNull();
  });

  it("work as Authorization: Bearer on every endpoint a session works on, without an Origin header", async () => {
    const account = await signUp("bearer");
    const { key } = await newKey(account, "write");
    const created = await postMonitor(withKey(key, "/api/v1/monitors", { method: "POST", body: monitorBody }), params({}));
    expect(created.status).toBe(201);
    const monitor = await created.json();
    const list = await listMonitors(withKey(key, "/api/v1/monitors"), params({}));
    expect((await list.json()).monitors.map((item: { id: string }) => item.id)).toEqual([monitor.id]);
    expect(list.headers.get("access-control-allow-origin")).toBe("*");
    const check = await postCheck(withKey(key, "/api/v1/checks", { method: "POST", body: { host: "127.0.0.2", ports: ["1-50"] } }), params({}));
    // Authenticated callers may ask for more ports than a visitor's 20.
    expect(check.status).toBe(202);
    expect((await context.db.apiKey.findFirstOrThrow({ where: { hash: hashApiKey(key) } })).lastUsedAt).not.toBeNull();
  });

  it("with the read scope may only GET: a write is 403 insufficient_scope", async () => {
    const account = await signUp("reader");
    const { key } = await newKey(account, "read");
    expect((await listMonitors(withKey(key, "/api/v1/monitors"), params({}))).status).toBe(200);
    const refused = await postMonitor(withKey(key, "/api/v1/monitors", { method: "POST", body: monitorBody }), params({}));
    expect(refused.status).toBe(403);
    expect((await problem(refused)).code).toBe("insufficient_scope");
  });

  it("never manage keys: a key cannot create, list or revoke keys", async () => {
    const account = await signUp("no-minting");
    const created = await newKey(account, "write");
    for (const response of [
      await postKey(withKey(created.key, "/api/v1/api-keys", { method: "POST", body: { name: "more", scope: "write" } }), params({})),
      await listKeys(withKey(created.key, "/api/v1/api-keys"), params({})),
      await deleteKey(withKey(created.key, `/api/v1/api-keys/${created.id}`, { method: "DELETE" }), params({ id: created.id })),
    ]) {
      expect(response.status).toBe(403);
    }
    expect(await context.db.apiKey.count({ where: { id: created.id } })).toBe(1);
  });

  it("are revoked at once: the next request is 401", async () => {
    const account = await signUp("revoke");
    const created = await newKey(account, "write");
    expect((await listMonitors(withKey(created.key, "/api/v1/monitors"), params({}))).status).toBe(200);
    expect((await deleteKey(asAccount(account, `/api/v1/api-keys/${created.id}`, { method: "DELETE" }), params({ id: created.id }))).status).toBe(204);
    const after = await listMonitors(withKey(created.key, "/api/v1/monitors"), params({}));
    expect(after.status).toBe(401);
    expect((await problem(after)).code).toBe("invalid_api_key");
  });

  it("of account A never reach account B's monitors, and B cannot revoke A's key", async () => {
    const [a, b] = [await signUp("owner-a"), await signUp("owner-b")];
    const keyA = await newKey(a, "write");
    const monitorB = await (await postMonitor(asAccount(b, "/api/v1/monitors", { method: "POST", body: monitorBody }), params({}))).json();
    const response = await getMonitor(withKey(keyA.key, `/api/v1/monitors/${monitorB.id}`), params({ id: monitorB.id }));
    expect(response.status).toBe(404);
    expect((await deleteKey(asAccount(b, `/api/v1/api-keys/${keyA.id}`, { method: "DELETE" }), params({ id: keyA.id }))).status).toBe(404);
    expect(await context.db.apiKey.count({ where: { id: keyA.id } })).toBe(1);
  });

  it("answers wrong and malformed keys with 401, then limits a client that keeps guessing", async () => {
    const peer = newPeer();
    for (const key of ["pck_" + "x".repeat(43), "not-a-key"]) {
      const response = await listMonitors(withKey(key, "/api/v1/monitors", { peer }), params({}));
      expect(response.status).toBe(401);
      expect((await problem(response)).code).toBe("invalid_api_key");
    }
    let last: Response | undefined;
    for (let attempt = 2; attempt <= BAD_KEYS_PER_MINUTE; attempt++) last = await listMonitors(withKey("pck_" + "y".repeat(43), "/api/v1/monitors", { peer }), params({}));
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("limit checks per key, and state the budget on every answer", async () => {
    const account = await signUp("budget");
    const { key } = await newKey(account, "write");
    const first = await postCheck(withKey(key, "/api/v1/checks", { method: "POST", body: { host: "127.0.0.2", ports: [1] } }), params({}));
    const limit = Number(first.headers.get("ratelimit-limit"));
    expect(limit).toBeGreaterThan(0);
    expect(Number(first.headers.get("ratelimit-remaining"))).toBe(limit - 1);
    expect(Number(first.headers.get("ratelimit-reset"))).toBeGreaterThan(0);
    // An error still says how much is left.
    const bad = await postCheck(withKey(key, "/api/v1/checks", { method: "POST", body: { host: "127.0.0.2", ports: [0] } }), params({}));
    expect(bad.status).toBe(400);
    expect(bad.headers.get("ratelimit-remaining")).toBe(String(limit - 1));
  });

  it("are refused without a session cookie from another origin: cookies cannot change anything cross-site", async () => {
    const account = await signUp("csrf");
    const response = await postKey(asAccount(account, "/api/v1/api-keys", { method: "POST", body: { name: "x", scope: "write" }, origin: "https://evil.example" }), params({}));
    expect(response.status).toBe(403);
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });
});

describe("CORS", () => {
  it("answers API preflights (server.ts) for any origin, never with credentials", async () => {
    const response = preflight("GET, POST, PATCH, DELETE, OPTIONS")();
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-headers")).toContain("authorization");
    expect(response.headers.get("access-control-allow-credentials")).toBeNull();
  });
});
