// Notification channels below the browser: each kind against a real HTTP receiver on 127.0.0.2 (and a real
// SMTP server), the target policy at creation and at delivery, masking, ownership, and a monitor going
// down delivering to its attached channels through the real worker.
import { smtp } from "./helpers/monitor-env";
import { telegram } from "./helpers/telegram-env";
import { startWebhookReceiver } from "./helpers/webhook-receiver";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as listChannelsRoute, POST as postChannel } from "../app/api/v1/channels/route";
import { DELETE as deleteChannelRoute, GET as getChannelRoute, PATCH as patchChannel } from "../app/api/v1/channels/[id]/route";
import { POST as testChannelRoute } from "../app/api/v1/channels/[id]/test/route";
import { GET as channelDeliveriesRoute } from "../app/api/v1/channels/[id]/deliveries/route";
import { POST as postMonitor } from "../app/api/v1/monitors/route";
import { GET as getMonitorRoute, PATCH as patchMonitor } from "../app/api/v1/monitors/[id]/route";
import { PATCH as patchAccount } from "../app/api/v1/account/route";
import { POST as monitorTestAlert } from "../app/api/v1/monitors/[id]/test-alert/route";
import { deliverToChannel } from "../lib/alerts/channels/deliver-to-channel";
import { sendAlert } from "../lib/alerts/send-alert";
import { verifyWebhookSignature } from "../lib/alerts/webhook-signature";
import { createChannel } from "../lib/channels/create-channel";
import { ProblemError } from "../lib/problem-error";
import { webContext } from "../lib/web-context";
import { asAccount, signUp, type TestAccount } from "./helpers/accounts";
import { params, problem } from "./helpers/api";
import { openPort } from "./helpers/listeners";
import { closeMonitorSuiteAfterAll } from "./helpers/monitor-suite";
import { mailText } from "./helpers/smtp";
import { startWorker, type WorkerProcess } from "./helpers/worker-process";
import ipaddr from "ipaddr.js";

const context = webContext();
const workers: WorkerProcess[] = [];
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let owner: TestAccount;
let stranger: TestAccount;
const BOT_TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0";

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  owner = await signUp("channels-owner");
  stranger = await signUp("channels-stranger");
});
afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop("SIGKILL")));
});
closeMonitorSuiteAfterAll(() => Promise.all([receiver.close(), telegram.close()]));

const base = () => new URL(receiver.url).origin;

async function create(account: TestAccount, body: Record<string, unknown>) {
  return postChannel(asAccount(account, "/api/v1/channels", { body }), params({}));
}

async function createOk(account: TestAccount, body: Record<string, unknown>) {
  const response = await create(account, body);
  if (response.status !== 201) throw new Error(`${response.status}: ${await response.text()}`);
  return response.json();
}

async function sendTest(account: TestAccount, id: string) {
  return testChannelRoute(asAccount(account, `/api/v1/channels/${id}/test`, { method: "POST" }), params({ id }));
}

async function testDelivered(id: string) {
  const response = await sendTest(owner, id);
  expect(response.status).toBe(200);
  const { delivery } = await response.json();
  expect(delivery.error).toBeNull();
  expect(delivery).toMatchObject({ status: "delivered", event: "test", channelId: id, monitorId: null, attempts: 1 });
  return delivery;
}

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

describe("each kind posts its own shape to a local receiver", () => {
  it("Slack: {text, blocks}; the webhook URL is shown masked", async () => {
    const url = `${base()}/services/T000/B000/slacksecretpart1234`;
    const channel = await createOk(owner, { kind: "slack", name: "Ops <Slack>", config: { webhookUrl: url } });
    expect(JSON.stringify(channel)).not.toContain("slacksecretpart");
    expect(channel.config.webhookUrl).toBe(`${base()}/…1234`);
    const from = receiver.hooks.length;
    await testDelivered(channel.id);
    const [hook] = hooksAt("/services/T000/B000/slacksecretpart1234", from);
    const body = JSON.parse(hook!.body);
    expect(body.text).toBe("Test alert: Ops &lt;Slack&gt;");
    expect(body.blocks[0]).toEqual({ type: "header", text: { type: "plain_text", text: "Test alert: Ops <Slack>" } });
    expect(body.blocks.at(-1).elements[0].url).toBe("http://localhost:3000/channels");
    // Listed and read back, still masked.
    const listed = (await (await listChannelsRoute(asAccount(owner, "/api/v1/channels"), params({}))).json()).channels;
    expect(JSON.stringify(listed)).not.toContain("slacksecretpart");
  });

  it("Discord: {content, embeds} with mentions off; Teams: a MessageCard", async () => {
    const discord = await createOk(owner, { kind: "discord", name: "Discord", config: { webhookUrl: `${base()}/api/webhooks/1/discordtoken` } });
    const teams = await createOk(owner, { kind: "teams", name: "Teams", config: { webhookUrl: `${base()}/webhookb2/teamstoken` } });
    const from = receiver.hooks.length;
    await testDelivered(discord.id);
    await testDelivered(teams.id);
    const discordBody = JSON.parse(hooksAt("/api/webhooks/1/discordtoken", from)[0]!.body);
    expect(discordBody).toMatchObject({ content: "Test alert: Discord", allowed_mentions: { parse: [] }, embeds: [{ title: "TEST", url: "http://localhost:3000/channels" }] });
    const teamsBody = JSON.parse(hooksAt("/webhookb2/teamstoken", from)[0]!.body);
    expect(teamsBody).toMatchObject({ "@type": "MessageCard", title: "Test alert: Teams", potentialAction: [{ "@type": "OpenUri", targets: [{ uri: "http://localhost:3000/channels" }] }] });
  });

  it("Telegram: /bot<token>/sendMessage on the configured API; the token is in no answer and no log line", async () => {
    const channel = await createOk(owner, { kind: "telegram", name: "Telegram", config: { botToken: BOT_TOKEN, chatId: "-1001234567890" } });
    expect(JSON.stringify(channel)).not.toContain(BOT_TOKEN);
    expect(channel.target).toBe("chat -1001234567890");
    const from = telegram.hooks.length;
    const delivery = await testDelivered(channel.id);
    expect(JSON.stringify(delivery)).not.toContain(BOT_TOKEN);
    const hook = telegram.hooks.slice(from)[0]!;
    expect(hook.path).toBe(`/bot${BOT_TOKEN}/sendMessage`);
    expect(JSON.parse(hook.body)).toMatchObject({ chat_id: "-1001234567890", text: expect.stringContaining("Test alert: Telegram") });
    const log = (await (await channelDeliveriesRoute(asAccount(owner, `/api/v1/channels/${channel.id}/deliveries`), params({ id: channel.id }))).json()).deliveries;
    expect(log).toHaveLength(1);
    expect(JSON.stringify(log)).not.toContain(BOT_TOKEN);
  });

  it("ntfy: the text to /<topic> with Title, Priority, Tags and the access token; Gotify: /message with its key", async () => {
    const ntfy = await createOk(owner, { kind: "ntfy", name: "Phone ☎", config: { serverUrl: base(), topic: "portcheck-alerts", accessToken: "tk_ntfysecret" } });
    const gotify = await createOk(owner, { kind: "gotify", name: "Gotify", config: { serverUrl: `${base()}/gotify`, appToken: "AppTokenSecret1" } });
    expect(ntfy.config.accessToken).toBe("…");
    expect(gotify.config.appToken).not.toContain("AppTokenSecret1");
    const from = receiver.hooks.length;
    await testDelivered(ntfy.id);
    await testDelivered(gotify.id);
    const ntfyHook = hooksAt("/portcheck-alerts", from)[0]!;
    expect(ntfyHook.headers).toMatchObject({ priority: "3", tags: "information_source", authorization: "Bearer tk_ntfysecret", click: "http://localhost:3000/channels" });
    // A title that is not ASCII travels RFC 2047-encoded.
    expect(ntfyHook.headers.title).toBe(`=?UTF-8?B?${Buffer.from("Test alert: Phone ☎").toString("base64")}?=`);
    expect(ntfyHook.body).toContain("This is a test alert from Portcheck");
    const gotifyHook = hooksAt("/gotify/message", from)[0]!;
    expect(gotifyHook.headers["x-gotify-key"]).toBe("AppTokenSecret1");
    expect(JSON.parse(gotifyHook.body)).toMatchObject({ title: "Test alert: Gotify", priority: 4, message: expect.stringContaining("test alert") });
  });

  it("webhook: the documented body, signed with the secret shown once; a change that leaves the secret empty keeps it", async () => {
    const channel = await createOk(owner, { kind: "webhook", name: "Hook", config: { url: `${base()}/hooks/channel` } });
    expect(channel.secret).toMatch(/^whsec_/);
    const read = await (await getChannelRoute(asAccount(owner, `/api/v1/channels/${channel.id}`), params({ id: channel.id }))).json();
    expect(read.secret).toBeUndefined();
    expect(JSON.stringify(read)).not.toContain(channel.secret);
    const renamed = await patchChannel(asAccount(owner, `/api/v1/channels/${channel.id}`, { method: "PATCH", body: { name: "Hook 2", config: { secret: "" } } }), params({ id: channel.id }));
    expect(renamed.status).toBe(200);
    expect((await renamed.json()).secret).toBeUndefined();
    const from = receiver.hooks.length;
    await testDelivered(channel.id);
    const hook = hooksAt("/hooks/channel", from)[0]!;
    expect(verifyWebhookSignature(channel.secret, hook.body, String(hook.headers["portcheck-signature"]))).toBe(true);
    expect(JSON.parse(hook.body)).toMatchObject({ event: "test", monitor: { name: "Hook 2" } });
  });

  it("e-mail: only the account's confirmed address; a readable HTML part with everything escaped and the local time named", async () => {
    const other = await create(owner, { kind: "email", name: "Someone else", config: { address: "stranger@example.com" } });
    expect(other.status).toBe(422);
    expect((await problem(other)).code).toBe("channel_email_not_allowed");
    const unconfirmed = await signUp("channels-unconfirmed", { verified: false });
    const refused = await create(unconfirmed, { kind: "email", name: "Me", config: { address: unconfirmed.email } });
    expect((await problem(refused)).code).toBe("channel_email_not_allowed");
    const badZone = await create(owner, { kind: "email", name: "Me", config: { address: owner.email, timeZone: "Mars/Olympus" } });
    expect((await problem(badZone)).errors?.[0]?.path).toBe("config/timeZone");

    const channel = await createOk(owner, { kind: "email", name: "<b>Ops & co</b>", config: { address: owner.email, timeZone: "Asia/Kolkata" } });
    await testDelivered(channel.id);
    const mail = smtp.mails.filter((candidate) => candidate.to.includes(owner.email)).at(-1)!;
    expect(mail.subject).toContain("Test alert:");
    const raw = mailText(mail);
    const [text, html] = raw.split("Content-Type: text/html");
    expect(text).toContain("Content-Type: text/plain");
    expect(text).toContain("Monitor: <b>Ops & co</b>");
    expect(html).toContain("<h1 style=\"margin:0 0 16px;font-size:20px;line-height:1.3;color:#0f172a\">Test alert: &lt;b&gt;Ops &amp; co&lt;/b&gt;</h1>");
    expect(html).not.toMatch(/<b>Ops/);
    // The reader's local time, with the zone named.
    expect(html).toMatch(/sent \d{1,2} \w{3} \d{4}, \d{2}:\d{2}:\d{2} GMT\+5:30 \(Asia\/Kolkata\)/);
  });
});

describe("the account's time zone", () => {
  it("is validated, then names the times of e-mail channels without their own zone and of the monitor's own e-mails", async () => {
    const account = await signUp("channels-zone");
    const bad = await patchAccount(asAccount(account, "/api/v1/account", { method: "PATCH", body: { timeZone: "Mars/Olympus" } }), params({}));
    expect(bad.status).toBe(400);
    expect((await problem(bad)).errors?.[0]?.path).toBe("timeZone");
    const good = await patchAccount(asAccount(account, "/api/v1/account", { method: "PATCH", body: { timeZone: "Asia/Tokyo" } }), params({}));
    expect(await good.json()).toEqual({ timeZone: "Asia/Tokyo" });

    const channel = await createOk(account, { kind: "email", name: "Inbox", config: { address: account.email } });
    expect(channel.config).toEqual({ address: account.email });
    await testChannelRoute(asAccount(account, `/api/v1/channels/${channel.id}/test`, { method: "POST" }), params({ id: channel.id }));
    const channelMail = smtp.mails.filter((mail) => mail.to.includes(account.email)).at(-1)!;
    expect(mailText(channelMail)).toMatch(/sent \d{1,2} \w{3} \d{4}, \d{2}:\d{2}:\d{2} GMT\+9 \(Asia\/Tokyo\)/);

    // The monitor's own e-mail (emailAlerts) is in the account's zone too.
    const monitor = await (await postMonitor(asAccount(account, "/api/v1/monitors", { body: { name: "Zoned", host: "127.0.0.2", port: 9, paused: true } }), params({}))).json();
    const queued = await monitorTestAlert(asAccount(account, `/api/v1/monitors/${monitor.id}/test-alert`, { method: "POST" }), params({ id: monitor.id }));
    const [deliveryId] = (await queued.json()).deliveries;
    expect(await sendAlert(context.db, deliveryId, { rules: { allowlist: [ipaddr.parseCIDR("127.0.0.2/32")] } })).toBe("delivered");
    const monitorMail = smtp.mails.filter((mail) => mail.to.includes(account.email) && mail.subject.includes("Zoned")).at(-1)!;
    expect(mailText(monitorMail)).toContain("(Asia/Tokyo)");
    expect(mailText(monitorMail)).toContain("Content-Type: text/html");
  });
});

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
});

describe("ownership", () => {
  it("another account cannot see, change, test, read the log of, delete or attach your channel", async () => {
    const channel = await createOk(owner, { kind: "slack", name: "Mine", config: { webhookUrl: `${base()}/mine` } });
    const id = channel.id;
    const as = (path: string, init: { method?: string; body?: unknown } = {}) => asAccount(stranger, path, init);
    expect((await getChannelRoute(as(`/api/v1/channels/${id}`), params({ id }))).status).toBe(404);
    expect((await patchChannel(as(`/api/v1/channels/${id}`, { method: "PATCH", body: { name: "Theirs" } }), params({ id }))).status).toBe(404);
    expect((await sendTest(stranger, id)).status).toBe(404);
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
});
