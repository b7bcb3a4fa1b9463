// Notification channels below the browser: each kind against a real HTTP receiver on 127.0.0.2 (Telegram's
// API stood in for too) and a real SMTP server: payload shapes, masking, the e-mail layout and time zones.
import { smtp } from "./helpers/monitor-env";
import { telegram } from "./helpers/telegram-env";
import { startWebhookReceiver } from "./helpers/webhook-receiver";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listChannelsRoute } from "../app/api/v1/channels/route";
import { GET as getChannelRoute, PATCH as patchChannel } from "../app/api/v1/channels/[id]/route";
import { GET as channelDeliveriesRoute } from "../app/api/v1/channels/[id]/deliveries/route";
import { POST as postMonitor } from "../app/api/v1/monitors/route";
import { PATCH as patchAccount } from "../app/api/v1/account/route";
import { POST as monitorTestAlert } from "../app/api/v1/monitors/[id]/test-alert/route";
import { sendAlert } from "../lib/alerts/send-alert";
import { verifyWebhookSignature } from "../lib/alerts/webhook-signature";
import { webContext } from "../lib/web-context";
import { asAccount, signUp, type TestAccount } from "./helpers/accounts";
import { params, problem } from "./helpers/api";
import { createChannel as create, createChannelOk as createOk, sendChannelTest, testDelivered as delivered } from "./helpers/channels";
import { closeMonitorSuiteAfterAll } from "./helpers/monitor-suite";
import { mailText } from "./helpers/smtp";
import ipaddr from "ipaddr.js";

const context = webContext();
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let owner: TestAccount;
const BOT_TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0";

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  owner = await signUp("channels-owner");
});
closeMonitorSuiteAfterAll(() => Promise.all([receiver.close(), telegram.close()]));

const base = () => new URL(receiver.url).origin;
const testDelivered = (id: string) => delivered(owner, id);
/** The hooks the receiver got on this path since `from`. */
const hooksAt = (path: string, from = 0) => receiver.hooks.slice(from).filter((hook) => hook.path === path);

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
    // The topic is a password on public servers: shown masked, and never in the log's target.
    expect(ntfy.config.topic).toBe("…erts");
    expect(JSON.stringify(ntfy)).not.toContain("portcheck-alerts");
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
    await sendChannelTest(account, channel.id);
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
