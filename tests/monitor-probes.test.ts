// Monitors on the shared probe engine: send/expect, slow answers (degraded), certificate expiry told once
// per certificate, UDP, and the refusals that keep `send` from pushing data at third parties.
// Real servers on 127.0.0.2 and a delayed network namespace; runs go through runMonitor as the worker's job does.
import ipaddr from "ipaddr.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postMonitor } from "../app/api/v1/monitors/route";
import { runMonitor } from "../lib/monitors/run-monitor";
import { runInProcess } from "../lib/probes/registry";
import type { Resolver } from "../lib/targets/resolve-target";
import { webContext } from "../lib/web-context";
import { asAccount, signUp, type TestAccount } from "./helpers/accounts";
import { params, problem } from "./helpers/api";
import { createNamespace, type Namespace } from "./helpers/netns";
import { startTargetHost, type TargetHost } from "./helpers/target-host";

const context = webContext();
// The slow namespace is reached by name, as a user would write it; this resolver stands in for its DNS.
const SLOW_NAME = "slow.portcheck-test.net";
const resolver: Resolver = async (name) => (name === SLOW_NAME ? [{ address: slow.nsAddress4, family: 4 }] : []);
const deps = { db: context.db, rules: { allowlist: [ipaddr.parseCIDR("127.0.0.2/32"), ipaddr.parseCIDR("10.77.0.0/16")] }, resolver, runner: runInProcess };
let account: TestAccount;
let servers: TargetHost;
let slow: Namespace;

beforeAll(async () => {
  account = await signUp("monitor-probes");
  servers = await startTargetHost({
    host: "127.0.0.2",
    servers: [{ kind: "redis" }, { kind: "tls", cert: "good" }, { kind: "udp-echo" }, { kind: "udp-silent" }],
  });
  slow = await createNamespace({ delayMs: 25 });
  await slow.openPort(7000);
}, 60_000);

afterAll(async () => {
  await servers?.close();
  await slow?.destroy();
  await context.monitorQueues.monitors.obliterate({ force: true });
  await context.redis.quit();
  await context.db.$disconnect();
});

async function create(body: Record<string, unknown>): Promise<Response> {
  return postMonitor(asAccount(account, "/api/v1/monitors", { method: "POST", body: { name: "Probe options", paused: false, confirmations: 1, emailAlerts: false, ...body } }), params({}));
}

async function createAndRun(body: Record<string, unknown>, runs = 1) {
  const response = await create(body);
  expect(response.status, await response.clone().text()).toBe(201);
  const monitor = await response.json();
  for (let run = 0; run < runs; run++) expect((await runMonitor(monitor.id, new Date(Date.UTC(2026, 10, 25, 12, run)), deps)).kind).toBe("recorded");
  const state = await context.db.monitor.findUniqueOrThrow({ where: { id: monitor.id } });
  const results = await context.db.monitorResult.findMany({ where: { monitorId: monitor.id }, orderBy: { scheduledAt: "asc" } });
  const deliveries = await context.db.alertDelivery.findMany({ where: { monitorId: monitor.id } });
  return { id: monitor.id as string, view: monitor, state, results, deliveries };
}

describe("monitor probe options", () => {
  it("sends a question and is up only when the reply contains the expected text", async () => {
    const good = await createAndRun({ host: "127.0.0.2", port: servers.ports.redis, send: "PING\\r\\n", expectReply: "+PONG" });
    expect(good.view).toMatchObject({ send: "PING\\r\\n", expectReply: "+PONG", protocol: "tcp", family: "both", tls: "auto" });
    expect(good.state.state).toBe("up");
    expect(good.results[0]!.detail).toMatchObject({ replyMatched: true, banner: { text: "+PONG" } });
    const bad = await createAndRun({ host: "127.0.0.2", port: servers.ports.redis, send: "PING\\r\\n", expectReply: "+NOPE" });
    expect(bad.state.state).toBe("down");
    expect(bad.results[0]).toMatchObject({ state: "open", observation: "down" });
    expect((bad.results[0]!.detail as { cause: string }).cause).toContain("did not contain the expected text");
  });

  it("calls a slow answer degraded, opens a slow incident and alerts it as slow, not down", async () => {
    const run = await createAndRun({ host: SLOW_NAME, port: 7000, degradedLatencyMs: 20, webhookUrl: "http://127.0.0.2:9/hook" });
    expect(run.state.state).toBe("degraded");
    expect(run.results[0]).toMatchObject({ state: "open", observation: "degraded", reason: "syn-ack" });
    expect(run.results[0]!.latencyMs).toBeGreaterThan(45);
    expect(run.deliveries.map((delivery) => delivery.event)).toEqual(["degraded"]);
    expect(run.deliveries[0]!.payload).toMatchObject({ event: "monitor.degraded", incident: { state: "degraded", cause: expect.stringMatching(/^slow: \d+ ms \(over 20 ms\)$/) } });
  });

  it("warns once per certificate when it is about to expire", async () => {
    const run = await createAndRun({ host: "127.0.0.2", port: servers.ports.tls, tls: true, certExpiryDays: 60, webhookUrl: "http://127.0.0.2:9/hook" }, 3);
    expect(run.state.state).toBe("up");
    const warnings = run.deliveries.filter((delivery) => delivery.event === "certificate");
    expect(warnings).toHaveLength(1);
    const payload = warnings[0]!.payload as { event: string; certificate: { daysLeft: number; fingerprint: string } };
    expect(payload.event).toBe("monitor.certificate");
    expect(payload.certificate.daysLeft).toBeGreaterThanOrEqual(28);
    expect(run.state.certAlertedFingerprint).toBe(payload.certificate.fingerprint);
    expect((run.results[2]!.detail as { tls: { trusted: boolean } }).tls).toBeTruthy();
  });

  it("monitors UDP: a reply is up, silence is not, and an exposure monitor is happy with silence", async () => {
    expect((await createAndRun({ host: "127.0.0.2", port: servers.ports["udp-echo"], protocol: "udp" })).state.state).toBe("up");
    const silent = await createAndRun({ host: "127.0.0.2", port: servers.ports["udp-silent"], protocol: "udp" });
    expect(silent.state.state).toBe("down");
    expect(silent.results[0]).toMatchObject({ state: "open_filtered", reason: "no-response" });
    expect((await createAndRun({ host: "127.0.0.2", port: servers.ports["udp-silent"], protocol: "udp", expect: "closed" })).state.state).toBe("up");
  });
});

describe("send is never a way to push data at a server", () => {
  it.each([
    [{ send: "FLUSHALL\\r\\n" }, "send", "FLUSHALL"],
    [{ send: "set key value" }, "send", "SET"],
    [{ send: "MAIL FROM:<a@b.example>" }, "send", "MAIL"],
    [{ send: "EHLO x\\r\\nMAIL FROM:<a@b.example>\\r\\n" }, "send", "one line"],
    [{ send: "x".repeat(300) }, "send", "256 bytes"],
    // (A NUL is refused earlier, for the whole body: e2e/hostile.spec.ts.)
    [{ send: "ping\u0007" }, "send", "control characters"],
    [{ protocol: "udp", send: "PING" }, "send", "tcp"],
    [{ expect: "+PONG" }, "expect", "expectReply"],
    [{ degradedLatencyMs: 0 }, "degradedLatencyMs", "at least 1"],
    [{ certExpiryDays: 400 }, "certExpiryDays", "at most 365"],
  ])("refuses %j with 400", async (body, path, words) => {
    const response = await create({ host: "127.0.0.2", port: 6379, ...body });
    expect(response.status).toBe(400);
    const details = await problem(response);
    const error = details.errors?.find((item) => item.path === path);
    expect(error?.message).toContain(words);
  });
});
