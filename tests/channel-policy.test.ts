// Notification channels and who may reach what: the target policy when a channel is saved and at every
// delivery (pinned, no redirects followed), ownership, and a monitor going down delivering to its attached
// channels through the real worker, with the channel's log showing it.
import "./helpers/monitor-env";
import { startWebhookReceiver } from "./helpers/webhook-receiver";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as listChannelsRoute } from "../app/api/v1/channels/route";
import { DELETE as deleteChannelRoute, GET as getChannelRoute, PATCH as patchChannel } from "../app/api/v1/channels/[id]/route";
import { GET as channelDeliveriesRoute } from "../app/api/v1/channels/[id]/deliveries/route";
import { POST as postMonitor } from "../app/api/v1/monitors/route";
import { GET as getMonitorRoute, PATCH as patchMonitor } from "../app/api/v1/monitors/[id]/route";
import { POST as monitorTestAlert } from "../app/api/v1/monitors/[id]/test-alert/route";
import { deliverToChannel } from "../lib/alerts/channels/deliver-to-channel";
import { createChannel } from "../lib/channels/create-channel";
import { ProblemError } from "../lib/problem-error";
import { webContext } from "../lib/web-context";
import { asAccount, signUp, type TestAccount } from "./helpers/accounts";
import { params, problem } from "./helpers/api";
import { createChannel as create, createChannelOk as createOk, sendChannelTest } from "./helpers/channels";
import { openPort } from "./helpers/listeners";
import { closeMonitorSuiteAfterAll } from "./helpers/monitor-suite";
import { startWorker, type WorkerProcess } from "./helpers/worker-process";
import ipaddr from "ipaddr.js";

const context = webContext();
const workers: WorkerProcess[] = [];
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let owner: TestAccount;
let stranger: TestAccount;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  owner = await signUp("channels-owner");
  stranger = await signUp("channels-stranger");
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop("SIGKILL")));
});
closeMonitorSuiteAfterAll(() => receiver.close());

const base = () => new URL(receiver.url).origin;
/** The hooks the receiver got on this path since `from`. */
const hooksAt = (path: string, from = 0) => receiver.hooks.slice(from).filter((hook) => hook.path === path);

async function waitFor<T>(probe: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)}\n${workers.flatMap((worker) => worker.logs.slice(-15)).join("\n")}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("the target policy", () => {
  it("refuses 127.0.0.1 and a name resolving to a forbidden address when the channel is saved", async () => {
    const loopback = await create(owner, { kind: "slack", name: "Local", config: { webhookUrl: "http://127.0.0.1:9/hook" } });
    expect(loopback.status).toBe(422);
    expect((await problem(loopback)).code).toBe("channel_target_forbidden");
    const badUrl = await create(owner, { kind: "gotify", name: "Bad", config: { serverUrl: "ftp://example.com", appToken: "x" } });
    expect(badUrl.status).toBe(400);
    const rules = { allowlist: [ipaddr.parseCIDR("127.0.0.2/32")] };
    const rebinding = createChannel({ db: context.db, rules, resolver: async () => [{ address: "127.0.0.1", family: 4 }] }, (await context.db.user.findUniqueOrThrow({ where: { email: owner.email } })).id, {
      kind: "ntfy",
      name: "Sneaky",
      config: { serverUrl: "http://alerts.example.com", topic: "x" },
    });
    await expect(rebinding).rejects.toSatisfy((error: unknown) => error instanceof ProblemError && error.code === "channel_target_forbidden");
  });

  it("judges the name again at delivery: one that now resolves to 127.0.0.1 is refused for good, and nothing is sent", async () => {
    const rules = { allowlist: [ipaddr.parseCIDR("127.0.0.2/32")] };
    const from = receiver.hooks.length;
    const { port } = new URL(receiver.url);
    const payload = { id: "d1", event: "test", occurredAt: new Date().toISOString(), monitor: { id: "m", name: "M", host: "example.com", port: 1, expect: "open", state: "up", url: "http://localhost:3000/" }, incident: null } as const;
    const channel = { kind: "slack", config: { webhookUrl: `http://hooks.example.com:${port}/rebound` } };
    const allowed = await deliverToChannel(channel, payload, { rules, resolver: async () => [{ address: "127.0.0.2", family: 4 }] });
    expect(allowed.error).toBeNull();
    expect(allowed).toMatchObject({ ok: true, status: 204 });
    const refused = await deliverToChannel(channel, payload, { rules, resolver: async () => [{ address: "127.0.0.1", family: 4 }] });
    expect(refused).toMatchObject({ ok: false, permanent: true });
    expect(refused.error).toContain("127.0.0.1");
    expect(hooksAt("/rebound", from)).toHaveLength(1);
  });

  it("follows no redirect: a receiver answering 302 elsewhere is a failed delivery, and the other host hears nothing", async () => {
    const { createServer } = await import("node:http");
    const redirector = createServer((request, response) => {
      request.resume();
      request.on("end", () => response.writeHead(302, { location: `${base()}/redirected` }).end());
    });
    await new Promise<void>((resolve) => redirector.listen(0, "127.0.0.2", resolve));
    const { port } = redirector.address() as { port: number };
    const channel = await createOk(owner, { kind: "discord", name: "Moved", config: { webhookUrl: `http://127.0.0.2:${port}/api/webhooks/1/x` } });
    const { delivery } = await (await sendChannelTest(owner, channel.id)).json();
    expect(delivery).toMatchObject({ status: "failed", responseStatus: 302, error: "The receiver answered HTTP 302 (a redirect, which is not followed)." });
    expect(hooksAt("/redirected")).toHaveLength(0);
    await new Promise<void>((resolve) => redirector.close(() => resolve()));
  });
});

describe("ownership", () => {
  it("another account cannot see, change, test, read the log of, delete or attach your channel", async () => {
    const channel = await createOk(owner, { kind: "slack", name: "Mine", config: { webhookUrl: `${base()}/mine` } });
    const id = channel.id;
    const as = (path: string, init: { method?: string; body?: unknown } = {}) => asAccount(stranger, path, init);
    expect((await getChannelRoute(as(`/api/v1/channels/${id}`), params({ id }))).status).toBe(404);
    expect((await patchChannel(as(`/api/v1/channels/${id}`, { method: "PATCH", body: { name: "Theirs" } }), params({ id }))).status).toBe(404);
    expect((await sendChannelTest(stranger, id)).status).toBe(404);
    expect((await channelDeliveriesRoute(as(`/api/v1/channels/${id}/deliveries`), params({ id }))).status).toBe(404);
    expect((await deleteChannelRoute(as(`/api/v1/channels/${id}`, { method: "DELETE" }), params({ id }))).status).toBe(404);
    const listed = (await (await listChannelsRoute(as("/api/v1/channels"), params({}))).json()).channels;
    expect(listed.map((item: { id: string }) => item.id)).not.toContain(id);
    const attach = await postMonitor(as("/api/v1/monitors", { body: { name: "Theirs", host: "127.0.0.2", port: 9, paused: true, channelIds: [id] } }), params({}));
    expect(attach.status).toBe(400);
    expect((await problem(attach)).errors).toEqual([{ path: "channelIds/0", message: `${id} is not one of your channels.` }]);
    expect((await getChannelRoute(asAccount(owner, `/api/v1/channels/${id}`), params({ id }))).status).toBe(200);
  });
});

describe("a monitor with channels attached", () => {
  it("going down delivers to each attached channel through the worker, and the channel's log shows it", async () => {
    const slack = await createOk(owner, { kind: "slack", name: "Down alerts", config: { webhookUrl: `${base()}/down/slack` } });
    const ntfy = await createOk(owner, { kind: "ntfy", name: "Down phone", config: { serverUrl: base(), topic: "down-topic" } });
    const listener = await openPort();
    const response = await postMonitor(
      asAccount(owner, "/api/v1/monitors", { body: { name: "Game server", host: "127.0.0.2", port: listener.port, intervalSeconds: 1, timeoutMs: 500, confirmations: 1, emailAlerts: false, channelIds: [slack.id] } }),
      params({}),
    );
    expect(response.status).toBe(201);
    const monitor = await response.json();
    expect(monitor.channelIds).toEqual([slack.id]);
    const patched = await patchMonitor(asAccount(owner, `/api/v1/monitors/${monitor.id}`, { method: "PATCH", body: { channelIds: [slack.id, ntfy.id] } }), params({ id: monitor.id }));
    expect(patched.status).toBe(200);
    expect([...(await patched.json()).channelIds].sort()).toEqual([slack.id, ntfy.id].sort());
    workers.push(await startWorker());
    const state = async () => (await (await getMonitorRoute(asAccount(owner, `/api/v1/monitors/${monitor.id}`), params({ id: monitor.id }))).json()).state;
    await waitFor(state, (value) => value === "up", "up");
    await listener.close();
    await waitFor(state, (value) => value === "down", "down");
    const slackHooks = await waitFor(async () => hooksAt("/down/slack"), (hooks) => hooks.length >= 1, "the Slack alert");
    expect(JSON.parse(slackHooks[0]!.body).text).toContain("DOWN: Game server");
    const ntfyHooks = await waitFor(async () => hooksAt("/down-topic"), (hooks) => hooks.length >= 1, "the ntfy alert");
    expect(ntfyHooks[0]!.headers).toMatchObject({ priority: "5", tags: "rotating_light" });
    const log = await waitFor(
      async () => (await (await channelDeliveriesRoute(asAccount(owner, `/api/v1/channels/${slack.id}/deliveries`), params({ id: slack.id }))).json()).deliveries,
      (list: { status: string; event: string }[]) => list.some((line) => line.event === "down" && line.status === "delivered"),
      "the channel's log line",
    );
    expect(log.find((line: { event: string }) => line.event === "down")).toMatchObject({ event: "down", channel: "slack", monitorId: monitor.id, channelId: slack.id, target: `${base()}/…lack` });
    // Deleting the channel detaches it; the monitor keeps running.
    expect((await deleteChannelRoute(asAccount(owner, `/api/v1/channels/${slack.id}`, { method: "DELETE" }), params({ id: slack.id }))).status).toBe(204);
    expect((await (await getMonitorRoute(asAccount(owner, `/api/v1/monitors/${monitor.id}`), params({ id: monitor.id }))).json()).channelIds).toEqual([ntfy.id]);
  }, 60_000);

  it("retries a failed channel delivery with backoff through the worker, like every alert", async () => {
    let calls = 0;
    const { createServer } = await import("node:http");
    const flaky = createServer((request, response) => {
      calls++;
      request.resume();
      request.on("end", () => response.writeHead(calls === 1 ? 503 : 200).end("ok"));
    });
    await new Promise<void>((resolve) => flaky.listen(0, "127.0.0.2", resolve));
    const { port } = flaky.address() as { port: number };
    const gotify = await createOk(owner, { kind: "gotify", name: "Flaky", config: { serverUrl: `http://127.0.0.2:${port}`, appToken: "tok" } });
    const monitor = await (await postMonitor(asAccount(owner, "/api/v1/monitors", { body: { name: "Retry me", host: "127.0.0.2", port: 9, paused: true, emailAlerts: false, channelIds: [gotify.id] } }), params({}))).json();
    workers.push(await startWorker());
    const response = await monitorTestAlert(asAccount(owner, `/api/v1/monitors/${monitor.id}/test-alert`, { method: "POST" }), params({ id: monitor.id }));
    const [deliveryId] = (await response.json()).deliveries;
    expect(deliveryId).toMatch(new RegExp(`-ch-${gotify.id}$`));
    const delivered = await waitFor(() => context.db.alertDelivery.findUniqueOrThrow({ where: { id: deliveryId } }), (delivery) => delivery.status === "delivered", "the retried delivery");
    expect(delivered).toMatchObject({ channel: "gotify", channelId: gotify.id, attempts: 2, responseStatus: 200 });
    expect(calls).toBe(2);
    await new Promise<void>((resolve) => flaky.close(() => resolve()));
  }, 60_000);
});
