// Monitors end to end below the browser: API -> PostgreSQL -> job schedulers in Redis -> worker
// process -> probes on 127.0.0.2 -> incidents -> e-mail (real SMTP) and signed webhooks (real HTTP).
import { smtp } from "./helpers/monitor-env";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as getMonitorRoute } from "../app/api/v1/monitors/[id]/route";
import { GET as getDeliveries } from "../app/api/v1/monitors/[id]/deliveries/route";
import { GET as getIncidents } from "../app/api/v1/monitors/[id]/incidents/route";
import { GET as getResults } from "../app/api/v1/monitors/[id]/results/route";
import { POST as postMonitor } from "../app/api/v1/monitors/route";
import { verifyWebhookSignature } from "../lib/alerts/webhook-signature";
import { runMonitor } from "../lib/monitors/run-monitor";
import { pruneOldResults } from "../lib/monitors/sync-schedulers";
import { POST as testAlertRoute } from "../app/api/v1/monitors/[id]/test-alert/route";
import { scheduleOffsetMs, schedulerId } from "../lib/queue/monitor-queues";
import { webContext } from "../lib/web-context";
import { asAccount, signUp, type TestAccount } from "./helpers/accounts";
import { params } from "./helpers/api";
import { filteredPort, type OpenPort, openPort } from "./helpers/listeners";
import { mailText } from "./helpers/smtp";
import { startWebhookReceiver } from "./helpers/webhook-receiver";
import { startWorker, type WorkerProcess } from "./helpers/worker-process";
import ipaddr from "ipaddr.js";
import { runInProcess } from "../lib/probes/registry";

const context = webContext();
const workers: WorkerProcess[] = [];
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop("SIGKILL")));
});
afterAll(async () => {
  await context.monitorQueues.monitors.obliterate({ force: true });
  await context.monitorQueues.alerts.obliterate({ force: true });
  await Promise.all([receiver.close(), smtp.close()]);
  await context.redis.quit();
  await context.db.$disconnect();
});

async function waitFor<T>(probe: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)}\nworker: ${workers.flatMap((worker) => worker.logs.slice(-15)).join("\n")}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Alert e-mails to an account (not its address-confirmation e-mail). */
function alertMails(account: TestAccount) {
  return smtp.mails.filter((mail) => mail.to.includes(account.email) && !mail.subject.startsWith("Confirm"));
}

async function monitorState(account: TestAccount, id: string) {
  return (await getMonitorRoute(asAccount(account, `/api/v1/monitors/${id}`), params({ id }))).json();
}

async function createMonitor(account: TestAccount, body: Record<string, unknown>) {
  const response = await postMonitor(asAccount(account, "/api/v1/monitors", { body }), params({}));
  expect(response.status).toBe(201);
  return response.json();
}

describe("a monitor against a listener on 127.0.0.2", () => {
  it("goes pending -> up -> down (one incident, one e-mail, one signed webhook) -> up again", async () => {
    const account = await signUp("monitor-owner");
    let listener: OpenPort = await openPort();
    const port = listener.port;
    workers.push(await startWorker());
    const created = await createMonitor(account, {
      name: "Game server",
      host: "127.0.0.2",
      port,
      intervalSeconds: 1,
      timeoutMs: 500,
      confirmations: 2,
      webhookUrl: receiver.url,
    });
    expect(created).toMatchObject({ state: "pending", expect: "open", paused: false, uptime: { "24h": null, "7d": null, "30d": null } });
    expect(created.webhookSecret).toMatch(/^whsec_/);
    const id: string = created.id;
    expect((await monitorState(account, id)).webhookSecret).toBeUndefined();

    await waitFor(() => monitorState(account, id), (monitor) => monitor.state === "up", "up");
    expect(alertMails(account)).toHaveLength(0);

    await listener.close();
    const down = await waitFor(() => monitorState(account, id), (monitor) => monitor.state === "down", "down");
    expect(down.uptime["24h"]).toBeLessThan(100);
    const downMails = await waitFor(async () => alertMails(account), (mails) => mails.length >= 1, "the down e-mail");
    expect(downMails).toHaveLength(1);
    expect(downMails[0]!.subject).toContain("DOWN: Game server");
    expect(mailText(downMails[0]!)).toContain(`/monitors/${id}`);
    const downHooks = await waitFor(async () => receiver.hooks.filter((hook) => hook.body.includes(id)), (hooks) => hooks.length >= 1, "the down webhook");
    expect(downHooks).toHaveLength(1);
    const hook = downHooks[0]!;
    expect(verifyWebhookSignature(created.webhookSecret, hook.body, String(hook.headers["portcheck-signature"]))).toBe(true);
    expect(hook.headers["portcheck-event"]).toBe("monitor.down");
    expect(JSON.parse(hook.body)).toMatchObject({ event: "monitor.down", monitor: { id, name: "Game server", host: "127.0.0.2", port, state: "down", stateLabel: "DOWN" }, incident: { state: "down", endedAt: null } });

    listener = await openPort("127.0.0.2", port);
    await waitFor(() => monitorState(account, id), (monitor) => monitor.state === "up", "recovery");
    await waitFor(async () => receiver.hooks.filter((candidate) => candidate.body.includes(id)), (hooks) => hooks.length >= 2, "the recovery webhook");
    const mails = await waitFor(async () => alertMails(account), (found) => found.length >= 2, "the recovery e-mail");
    expect(mails.map((mail) => mail.subject)).toEqual([expect.stringContaining("DOWN"), expect.stringContaining("UP: Game server")]);
    // The recovery says how long the outage lasted.
    expect(mailText(mails[1]!)).toMatch(/up again since .* after \d+ s of outage/);
    const upHook = JSON.parse(receiver.hooks.filter((candidate) => candidate.body.includes(id))[1]!.body);
    expect(upHook).toMatchObject({ event: "monitor.up", monitor: { stateLabel: "UP" }, outage: { durationSeconds: expect.any(Number) } });
    await listener.close();

    const incidents = (await (await getIncidents(asAccount(account, `/api/v1/monitors/${id}/incidents`), params({ id }))).json()).incidents;
    expect(incidents.map((incident: { state: string }) => incident.state)).toEqual(["up", "down", "up"]);
    expect(incidents.filter((incident: { state: string }) => incident.state === "down")).toHaveLength(1);
    const downIncident = incidents[1];
    expect(downIncident.endedAt).not.toBeNull();
    expect(downIncident.durationSeconds).toBeGreaterThanOrEqual(1);

    const deliveries = await waitFor(
      async () => (await (await getDeliveries(asAccount(account, `/api/v1/monitors/${id}/deliveries`), params({ id }))).json()).deliveries,
      (list: { status: string; channel: string; event: string }[]) => list.length === 4 && list.every((delivery) => delivery.status === "delivered"),
      "four delivered alerts",
    );
    expect(deliveries.map((delivery: { channel: string; event: string }) => `${delivery.event}/${delivery.channel}`).sort()).toEqual(["down/email", "down/webhook", "up/email", "up/webhook"]);

    const firstPage = await (await getResults(asAccount(account, `/api/v1/monitors/${id}/results?limit=2`), params({ id }))).json();
    expect(firstPage.results).toHaveLength(2);
    expect(firstPage.nextCursor).toMatch(/^\d+$/);
    const secondPage = await (await getResults(asAccount(account, `/api/v1/monitors/${id}/results?limit=2&cursor=${firstPage.nextCursor}`), params({ id }))).json();
    expect(Number(secondPage.results[0].id)).toBeLessThan(Number(firstPage.results[1].id));
    const states = new Set([...firstPage.results, ...secondPage.results].map((result: { state: string }) => result.state));
    expect([...states].every((state) => ["open", "closed"].includes(state))).toBe(true);
  }, 90_000);

  it("an exposure monitor (expect closed) is up while refused, and alerts when the port opens", async () => {
    const account = await signUp("exposure-owner");
    const probeListener = await openPort();
    const port = probeListener.port;
    await probeListener.close();
    workers.push(await startWorker());
    const { id } = await createMonitor(account, { name: "Database must stay closed", host: "127.0.0.2", port, intervalSeconds: 1, timeoutMs: 500, expect: "closed", confirmations: 1 });
    await waitFor(() => monitorState(account, id), (monitor) => monitor.state === "up", "up while closed");
    const listener = await openPort("127.0.0.2", port);
    await waitFor(() => monitorState(account, id), (monitor) => monitor.state === "down", "down once open");
    await listener.close();
    const mails = await waitFor(async () => alertMails(account), (found) => found.length >= 1, "the exposure e-mail");
    // A port that must stay closed and opens is exposed, not down.
    expect(mails[0]!.subject).toContain("EXPOSED: Database must stay closed");
    expect(mailText(mails[0]!)).toContain("should never be reachable, and it answers from the internet");
  }, 60_000);

  it("runs again after Redis loses every schedule and the worker restarts", async () => {
    const account = await signUp("flush-owner");
    const listener = await openPort();
    const { id } = await createMonitor(account, { name: "Survives a flush", host: "127.0.0.2", port: listener.port, intervalSeconds: 1, timeoutMs: 500 });
    const prefix = process.env.REDIS_PREFIX!;
    const keys = await context.redis.keys(`${prefix}:monitors:*`);
    if (keys.length) await context.redis.del(...keys);
    expect(await context.monitorQueues.monitors.getJobScheduler(schedulerId(id))).toBeFalsy();

    workers.push(await startWorker());
    expect(await context.monitorQueues.monitors.getJobScheduler(schedulerId(id))).toBeTruthy();
    const before = await context.db.monitorResult.count({ where: { monitorId: id } });
    await waitFor(() => context.db.monitorResult.count({ where: { monitorId: id } }), (count) => count >= before + 2, "runs after the flush");
    await listener.close();
  }, 60_000);

  it("schedules each monitor at its own stable offset in the interval, and runs a new one at once", async () => {
    const account = await signUp("offset-owner");
    const listener = await openPort();
    const { id } = await createMonitor(account, { name: "Offset", host: "127.0.0.2", port: listener.port, intervalSeconds: 300, timeoutMs: 500 });
    const scheduler = await context.monitorQueues.monitors.getJobScheduler(schedulerId(id));
    expect(Number(scheduler!.every)).toBe(300_000);
    expect(Number(scheduler!.offset)).toBe(scheduleOffsetMs(id, 300_000));
    // Its slots keep the offset's phase, whenever the scheduler was (re)built.
    expect(Number(scheduler!.next) % 300_000).toBe(scheduleOffsetMs(id, 300_000));
    // The first verdict does not wait up to five minutes for the slot.
    workers.push(await startWorker());
    await waitFor(() => context.db.monitorResult.count({ where: { monitorId: id } }), (count) => count >= 1, "the first run");
    await listener.close();
  }, 60_000);

  it("writes one result per scheduled run, however often the job is delivered", async () => {
    const account = await signUp("stall-owner");
    const listener = await openPort();
    const { id } = await createMonitor(account, { name: "No doubles", host: "127.0.0.2", port: listener.port, intervalSeconds: 3600, paused: true });
    await context.db.monitor.update({ where: { id }, data: { paused: false, state: "pending" } });
    const scheduledAt = new Date("2026-11-23T12:00:00.000Z");
    const deps = { db: context.db, rules: { allowlist: [ipaddr.parseCIDR("127.0.0.2/32")] }, runner: runInProcess };
    const outcomes = await Promise.all([runMonitor(id, scheduledAt, deps), runMonitor(id, scheduledAt, deps), runMonitor(id, scheduledAt, deps)]);
    expect(outcomes.filter((outcome) => outcome.kind === "recorded")).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.kind === "duplicate")).toHaveLength(2);
    expect(await context.db.monitorResult.count({ where: { monitorId: id } })).toBe(1);
    expect((await context.db.monitor.findUniqueOrThrow({ where: { id } })).streakCount).toBe(1);
    await listener.close();
  });

  it("sends a test alert to the webhook, retrying with backoff until the receiver accepts it", async () => {
    const account = await signUp("test-alert");
    let calls = 0;
    const { createServer } = await import("node:http");
    // A receiver that fails the first delivery with 500, then accepts.
    const server = createServer((request, response) => {
      calls++;
      request.resume();
      request.on("end", () => response.writeHead(calls === 1 ? 500 : 204).end());
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.2", resolve));
    const { port } = server.address() as { port: number };
    const { id } = await createMonitor(account, { name: "Test me", host: "127.0.0.2", port: 9, paused: true, emailAlerts: false, webhookUrl: `http://127.0.0.2:${port}/hook` });
    workers.push(await startWorker());
    const response = await testAlertRoute(asAccount(account, `/api/v1/monitors/${id}/test-alert`, { method: "POST" }), params({ id }));
    expect(response.status).toBe(202);
    const [deliveryId] = (await response.json()).deliveries;
    const delivered = await waitFor(
      () => context.db.alertDelivery.findUniqueOrThrow({ where: { id: deliveryId } }),
      (delivery) => delivery.status === "delivered",
      "the retried test delivery",
    );
    expect(delivered).toMatchObject({ channel: "webhook", event: "test", attempts: 2, responseStatus: 204 });
    expect(calls).toBe(2);
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }, 60_000);

  it("prunes raw results after the retention without changing uptime", async () => {
    const account = await signUp("prune");
    const { id } = await createMonitor(account, { name: "Old", host: "127.0.0.2", port: 9, paused: true });
    const day = 24 * 3600_000;
    const old = new Date(Date.now() - 40 * day);
    await context.db.monitorResult.createMany({
      data: [
        { monitorId: id, scheduledAt: old, checkedAt: old, state: "open", observation: "up" },
        { monitorId: id, scheduledAt: new Date(), checkedAt: new Date(), state: "open", observation: "up" },
      ],
    });
    await context.db.incident.createMany({
      data: [
        { id: `${id}-a`, monitorId: id, state: "up", startedAt: new Date(Date.now() - 40 * day), endedAt: new Date(Date.now() - 2 * day) },
        { id: `${id}-b`, monitorId: id, state: "down", startedAt: new Date(Date.now() - 2 * day), endedAt: null },
      ],
    });
    const before = (await monitorState(account, id)).uptime;
    const pruned = await pruneOldResults(context.db, 30);
    expect(pruned.results).toBeGreaterThanOrEqual(1);
    expect(await context.db.monitorResult.count({ where: { monitorId: id } })).toBe(1);
    const after = (await monitorState(account, id)).uptime;
    expect(after).toEqual(before);
    expect(after["24h"]).toBe(0);
    expect(after["30d"]).toBeCloseTo((28 / 30) * 100, 0);
  });

  it("discards a verdict about a target that was changed while it was probed", async () => {
    const account = await signUp("retarget");
    const blackhole = await filteredPort();
    const { id } = await createMonitor(account, { name: "Moving", host: "127.0.0.2", port: blackhole.port, intervalSeconds: 3600, timeoutMs: 1000, paused: true });
    await context.db.monitor.update({ where: { id }, data: { paused: false, state: "pending" } });
    const deps = { db: context.db, rules: { allowlist: [ipaddr.parseCIDR("127.0.0.2/32")] }, runner: runInProcess };
    const running = runMonitor(id, new Date("2026-11-23T13:00:00.000Z"), deps);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await context.db.monitor.update({ where: { id }, data: { port: 9 } });
    expect(await running).toEqual({ kind: "stale" });
    expect(await context.db.monitorResult.count({ where: { monitorId: id } })).toBe(0);
    blackhole.close();
  });

  it("never sends an alert made for an old webhook URL, signed with the new URL's secret", async () => {
    const account = await signUp("rotate");
    const { id } = await createMonitor(account, { name: "Rotating", host: "127.0.0.2", port: 9, paused: true, emailAlerts: false, webhookUrl: receiver.url });
    const queued = await testAlertRoute(asAccount(account, `/api/v1/monitors/${id}/test-alert`, { method: "POST" }), params({ id }));
    const [deliveryId] = (await queued.json()).deliveries;
    await context.db.monitor.update({ where: { id }, data: { webhookUrl: `${receiver.url}/new`, webhookSecret: "whsec_new" } });
    const { sendAlert, PermanentDeliveryError } = await import("../lib/alerts/send-alert");
    await expect(sendAlert(context.db, deliveryId, { rules: { allowlist: [ipaddr.parseCIDR("127.0.0.2/32")] } })).rejects.toBeInstanceOf(PermanentDeliveryError);
    expect(receiver.hooks.filter((hook) => hook.body.includes(deliveryId))).toHaveLength(0);
  });
});
