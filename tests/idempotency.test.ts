// Idempotency-Key on POST /api/v1/checks and POST /api/v1/monitors: a replay gets the first answer and
// creates nothing, another body with the same key is 422, a retry while the first runs is 409.
import { afterAll, describe, expect, it } from "vitest";
import { POST as postCheck } from "../app/api/v1/checks/route";
import { POST as postMonitor } from "../app/api/v1/monitors/route";
import { webContext } from "../lib/web-context";
import { asAccount, signUp } from "./helpers/accounts";
import { newPeer, params, problem, request } from "./helpers/api";
import { standInForRegion } from "./helpers/region-stand-in";

standInForRegion();

const context = webContext();
const started = new Date();
/** Checks this run created for a client address (earlier runs may have used the same test addresses). */
const checksOf = (peer: string) => context.db.check.count({ where: { clientKey: peer, createdAt: { gte: started } } });

afterAll(async () => {
  await context.monitorQueues.monitors.obliterate({ force: true });
  await context.redis.quit();
  await context.db.$disconnect();
});

function post(body: unknown, peer: string, key: string): Promise<Response> {
  return postCheck(request("/api/v1/checks", { body, peer, headers: { "idempotency-key": key } }), params({}));
}

describe("Idempotency-Key", () => {
  it("answers a retry of the same check with the first answer, and creates one check", async () => {
    const peer = newPeer();
    const key = `retry-${Date.now()}`;
    const body = { host: "127.0.0.2", ports: [22, 80] };
    const first = await post(body, peer, key);
    expect(first.status).toBe(202);
    const firstBody = await first.json();
    // The same JSON with its keys in another order is the same body.
    const again = await post({ ports: [22, 80], host: "127.0.0.2" }, peer, key);
    expect(again.status).toBe(202);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.headers.get("location")).toBe(first.headers.get("location"));
    expect(await again.json()).toEqual(firstBody);
    expect(await checksOf(peer)).toBe(1);
  });

  it("refuses the same key with another body: 422 idempotency_key_reused", async () => {
    const peer = newPeer();
    const key = `reuse-${Date.now()}`;
    expect((await post({ host: "127.0.0.2", ports: [22] }, peer, key)).status).toBe(202);
    const other = await post({ host: "127.0.0.2", ports: [23] }, peer, key);
    expect(other.status).toBe(422);
    expect((await problem(other)).code).toBe("idempotency_key_reused");
  });

  it("answers 409 while the first request with the key is still running", async () => {
    const peer = newPeer();
    const key = `race-${Date.now()}`;
    const responses = await Promise.all(Array.from({ length: 5 }, () => post({ host: "127.0.0.2", ports: [22] }, peer, key)));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 202).length).toBeGreaterThanOrEqual(1);
    expect(statuses.filter((status) => status === 409).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((status) => status === 202 || status === 409)).toBe(true);
    const conflict = responses.find((response) => response.status === 409)!;
    expect((await problem(conflict)).code).toBe("idempotency_in_flight");
    expect(await checksOf(peer)).toBe(1);
  });

  it("keeps one caller's keys apart from another's", async () => {
    const key = `shared-${Date.now()}`;
    const [a, b] = [newPeer(), newPeer()];
    expect((await post({ host: "127.0.0.2", ports: [22] }, a, key)).status).toBe(202);
    const other = await post({ host: "127.0.0.2", ports: [80] }, b, key);
    expect(other.status).toBe(202);
    expect(other.headers.get("idempotent-replayed")).toBeNull();
  });

  it("works for monitors too: a replay creates no second monitor", async () => {
    const account = await signUp("idem-monitor");
    const key = `monitor-${Date.now()}`;
    const body = { name: "Once", host: "127.0.0.2", port: 9, paused: true, emailAlerts: false };
    const make = () => postMonitor(asAccount(account, "/api/v1/monitors", { method: "POST", body, headers: { "idempotency-key": key } }), params({}));
    const first = await make();
    expect(first.status).toBe(201);
    const second = await make();
    expect(second.status).toBe(201);
    expect((await second.json()).id).toBe((await first.json()).id);
    const user = await context.db.user.findUniqueOrThrow({ where: { email: account.email } });
    expect(await context.db.monitor.count({ where: { userId: user.id } })).toBe(1);
  });
});
