// Accounts (better-auth at /api/auth) and the authorization of the monitors API, against real
// PostgreSQL, Redis and an SMTP server started by the test.
import { smtp } from "./helpers/monitor-env";
import { afterAll, describe, expect, it } from "vitest";
import { GET as authGet } from "../app/api/auth/[...all]/route";
import { DELETE as deleteMonitorRoute, GET as getMonitorRoute, PATCH as patchMonitor } from "../app/api/v1/monitors/[id]/route";
import { GET as getDeliveries } from "../app/api/v1/monitors/[id]/deliveries/route";
import { GET as getIncidents } from "../app/api/v1/monitors/[id]/incidents/route";
import { GET as getResults } from "../app/api/v1/monitors/[id]/results/route";
import { POST as testAlert } from "../app/api/v1/monitors/[id]/test-alert/route";
import { GET as listMonitorsRoute, POST as postMonitor } from "../app/api/v1/monitors/route";
import { schedulerId } from "../lib/queue/monitor-queues";
import { webContext } from "../lib/web-context";
import { asAccount, authCall, sessionCookie, signUp, type TestAccount } from "./helpers/accounts";
import { newPeer, params, problem, request } from "./helpers/api";
import { mailText } from "./helpers/smtp";
import { accountMailsSettled } from "../lib/auth/account-mails";

const context = webContext();

afterAll(async () => {
  await context.monitorQueues.monitors.obliterate({ force: true });
  await context.monitorQueues.alerts.obliterate({ force: true });
  await smtp.close();
  await context.redis.quit();
  await context.db.$disconnect();
});

async function addMonitor(account: TestAccount, body: Record<string, unknown> = {}) {
  const response = await postMonitor(asAccount(account, "/api/v1/monitors", { body: { name: "Web", host: "127.0.0.2", port: 443, ...body } }), params({}));
  return { response, body: await response.json() };
}

describe("accounts", () => {
  it("stores passwords as argon2id with OWASP parameters, never in clear", async () => {
    const account = await signUp("hash");
    const user = await context.db.user.findUniqueOrThrow({ where: { email: account.email }, include: { accounts: true } });
    const hash = user.accounts[0]!.password!;
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(hash).not.toContain(account.password);
  });

  it("refuses common or guessable passwords at sign-up, saying why, and creates no account", async () => {
    for (const password of ["password1234", "qwertyuiop123"]) {
      const email = `weak-${Date.now()}-${password}@example.com`;
      const response = await authCall("/sign-up/email", { email, password, name: "w" });
      expect(response.status).toBe(400);
      expect((await response.json()).message).toMatch(/^This password is too easy to guess\./);
      expect(await context.db.user.findUnique({ where: { email } })).toBeNull();
    }
  });

  it("sets an HttpOnly, SameSite=Lax session cookie, not Secure on http", async () => {
    const account = await signUp("cookie");
    const response = await authCall("/sign-in/email", { email: account.email, password: account.password });
    const cookie = response.headers.getSetCookie().find((value) => value.includes("session_token="))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/i);
  });

  it("confirms the e-mail address by a link, and e-mails alerts only to confirmed addresses", async () => {
    const account = await signUp("verify", { verified: false });
    await accountMailsSettled();
    const mail = smtp.mails.find((candidate) => candidate.to.includes(account.email) && candidate.subject.includes("Confirm"));
    expect(mail).toBeDefined();
    const { body: monitor } = await addMonitor(account, { paused: true });
    const before = await testAlert(asAccount(account, `/api/v1/monitors/${monitor.id}/test-alert`, { method: "POST" }), params({ id: monitor.id }));
    expect(before.status).toBe(400);
    expect((await problem(before)).detail).toContain("confirm your e-mail address");

    const link = /(http:\/\/localhost:3000\/api\/auth\/verify-email\?[^\s]+)/.exec(mailText(mail!))?.[1];
    expect(link).toBeDefined();
    const url = new URL(link!);
    const verified = await authGet(request(`${url.pathname}${url.search}`));
    expect([200, 302]).toContain(verified.status);
    expect((await context.db.user.findUniqueOrThrow({ where: { email: account.email } })).emailVerified).toBe(true);
    const after = await testAlert(asAccount(account, `/api/v1/monitors/${monitor.id}/test-alert`, { method: "POST" }), params({ id: monitor.id }));
    expect(after.status).toBe(202);
    const [deliveryId] = (await after.json()).deliveries;
    expect(deliveryId).toMatch(/-email$/);
  });

  it("refuses account requests larger than 16 KiB with 413", async () => {
    const response = await authCall("/sign-up/email", { email: `big-${Date.now()}@example.com`, password: "correct horse battery staple", name: "x".repeat(20_000) });
    expect(response.status).toBe(413);
    expect((await problem(response)).code).toBe("payload_too_large");
  });

  it("signs in and out", async () => {
    const account = await signUp("signin");
    const signIn = await authCall("/sign-in/email", { email: account.email, password: account.password });
    expect(signIn.status).toBe(200);
    const cookie = sessionCookie(signIn);
    const session = await authGet(request("/api/auth/get-session", { headers: { cookie } }));
    expect((await session.json()).user.email).toBe(account.email);
    expect((await authCall("/sign-out", {}, { cookie })).status).toBe(200);
    expect(await (await authGet(request("/api/auth/get-session", { headers: { cookie } }))).json()).toBeNull();
    expect((await authCall("/sign-in/email", { email: account.email, password: "wrong password!!" })).status).toBe(401);
  });

  it("limits sign-in attempts per client (brute force)", async () => {
    const account = await signUp("brute");
    const peer = newPeer();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await authCall("/sign-in/email", { email: account.email, password: `guess number ${i}!` }, { peer })).status);
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    // Another client is not locked out.
    expect((await authCall("/sign-in/email", { email: account.email, password: account.password })).status).toBe(200);
  });

  it("resets a forgotten password through a link sent by e-mail", async () => {
    const account = await signUp("reset");
    expect((await authCall("/request-password-reset", { email: account.email, redirectTo: "/reset-password" })).status).toBe(200);
    await accountMailsSettled();
    const mail = smtp.mails.find((candidate) => candidate.to.includes(account.email) && candidate.subject.includes("Reset"));
    expect(mail).toBeDefined();
    const link = /(http:\/\/localhost:3000\/api\/auth\/reset-password\/[^\s?]+)/.exec(mailText(mail!))?.[1];
    expect(link).toBeDefined();
    const token = link!.split("/").at(-1)!;
    const newPassword = "a brand new passphrase";
    // A guessable new password is refused, and the link still works for a good one.
    expect((await authCall("/reset-password", { token, newPassword: "password12345" })).status).toBe(400);
    expect((await authCall("/reset-password", { token, newPassword })).status).toBe(200);
    expect((await authCall("/sign-in/email", { email: account.email, password: account.password })).status).toBe(401);
    expect((await authCall("/sign-in/email", { email: account.email, password: newPassword })).status).toBe(200);
    // The token works once.
    expect((await authCall("/reset-password", { token, newPassword: "yet another passphrase" })).status).toBe(400);
  });

  it("deletes an account with every monitor, result, incident, delivery and scheduler of it", async () => {
    const account = await signUp("leaver");
    const { body: monitor } = await addMonitor(account);
    await context.db.monitorResult.create({ data: { monitorId: monitor.id, scheduledAt: new Date(), checkedAt: new Date(), state: "open", observation: "up" } });
    await context.db.incident.create({ data: { id: `inc-${monitor.id}`, monitorId: monitor.id, state: "up", startedAt: new Date() } });
    expect(await context.monitorQueues.monitors.getJobScheduler(schedulerId(monitor.id))).toBeTruthy();

    expect((await authCall("/delete-user", { password: "not my password" }, { cookie: account.cookie })).status).toBe(400);
    expect((await authCall("/delete-user", { password: account.password }, { cookie: account.cookie, origin: "https://evil.example" })).status).toBe(403);
    expect((await authCall("/delete-user", { password: account.password }, { cookie: account.cookie })).status).toBe(200);

    expect(await context.db.user.count({ where: { email: account.email } })).toBe(0);
    expect(await context.db.monitor.count({ where: { id: monitor.id } })).toBe(0);
    expect(await context.db.monitorResult.count({ where: { monitorId: monitor.id } })).toBe(0);
    expect(await context.db.incident.count({ where: { monitorId: monitor.id } })).toBe(0);
    expect(await context.db.session.count({ where: { user: { email: account.email } } })).toBe(0);
    expect(await context.monitorQueues.monitors.getJobScheduler(schedulerId(monitor.id))).toBeFalsy();
  });
});

describe("monitors API authorization", () => {
  it("needs a session: 401 without one", async () => {
    const response = await listMonitorsRoute(request("/api/v1/monitors"), params({}));
    expect(response.status).toBe(401);
    expect((await problem(response)).code).toBe("unauthorized");
  });

  it("refuses a cookie-authenticated change from another origin, or without Origin", async () => {
    const account = await signUp("csrf");
    for (const origin of ["https://evil.example", null]) {
      const response = await postMonitor(asAccount(account, "/api/v1/monitors", { body: { name: "x", host: "127.0.0.2", port: 22 }, origin }), params({}));
      expect(response.status).toBe(403);
      expect((await problem(response)).code).toBe("forbidden");
    }
    expect(await context.db.monitor.count({ where: { user: { email: account.email } } })).toBe(0);
  });

  it("lets a second account read, change or delete nothing of the first's, by id or by list", async () => {
    const owner = await signUp("owner");
    const other = await signUp("other");
    const { body: monitor } = await addMonitor(owner, { name: "Owner's secret service" });
    const id = monitor.id as string;

    const list = await (await listMonitorsRoute(asAccount(other, "/api/v1/monitors"), params({}))).json();
    expect(list.monitors).toEqual([]);
    const attempts: Response[] = [
      await getMonitorRoute(asAccount(other, `/api/v1/monitors/${id}`), params({ id })),
      await patchMonitor(asAccount(other, `/api/v1/monitors/${id}`, { method: "PATCH", body: { name: "pwned", paused: true } }), params({ id })),
      await deleteMonitorRoute(asAccount(other, `/api/v1/monitors/${id}`, { method: "DELETE" }), params({ id })),
      await getResults(asAccount(other, `/api/v1/monitors/${id}/results`), params({ id })),
      await getIncidents(asAccount(other, `/api/v1/monitors/${id}/incidents`), params({ id })),
      await getDeliveries(asAccount(other, `/api/v1/monitors/${id}/deliveries`), params({ id })),
      await testAlert(asAccount(other, `/api/v1/monitors/${id}/test-alert`, { method: "POST" }), params({ id })),
    ];
    for (const response of attempts) {
      expect(response.status).toBe(404);
      const body = await problem(response);
      expect(body.code).toBe("not_found");
      expect(JSON.stringify(body)).not.toContain("Owner's secret service");
    }
    const unchanged = await context.db.monitor.findUniqueOrThrow({ where: { id } });
    expect(unchanged).toMatchObject({ name: "Owner's secret service", paused: false });
    expect((await (await listMonitorsRoute(asAccount(owner, "/api/v1/monitors"), params({}))).json()).monitors.map((m: { id: string }) => m.id)).toEqual([id]);
  });
});

describe("monitors API", () => {
  it("validates every field with a clear error", async () => {
    const account = await signUp("validation");
    for (const [body, path] of [
      [{ host: "127.0.0.2", port: 22 }, "name"],
      [{ name: "x", host: "127.0.0.2", port: 0 }, "port"],
      [{ name: "x", host: "127.0.0.2", port: 22, intervalSeconds: 0 }, "intervalSeconds"],
      [{ name: "x", host: "127.0.0.2", port: 22, expect: "maybe" }, "expect"],
      [{ name: "x", host: "127.0.0.2", port: 22, confirmations: 11 }, "confirmations"],
      [{ name: "x", host: "127.0.0.2", port: 22, webhookUrl: "ftp://example.com" }, "webhookUrl"],
      [{ name: "x", host: "http://example.com", port: 22 }, "host"],
    ] as const) {
      const response = await postMonitor(asAccount(account, "/api/v1/monitors", { body }), params({}));
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await problem(response)).errors?.map((error) => error.path)).toContain(path);
    }
    const forbidden = await postMonitor(asAccount(account, "/api/v1/monitors", { body: { name: "x", host: "10.0.0.1", port: 22 } }), params({}));
    expect([forbidden.status, (await problem(forbidden)).code]).toEqual([422, "target_forbidden"]);
  });

  it("applies the per-account quota", async () => {
    const account = await signUp("quota");
    for (let i = 0; i < 3; i++) expect((await addMonitor(account, { name: `m${i}` })).response.status).toBe(201);
    const { response, body } = await addMonitor(account, { name: "one too many" });
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(body.code).toBe("quota_exceeded");
  });

  it("pauses and resumes: the scheduler is removed and restored", async () => {
    const account = await signUp("pause");
    const { body: monitor } = await addMonitor(account);
    const id = monitor.id as string;
    const paused = await (await patchMonitor(asAccount(account, `/api/v1/monitors/${id}`, { method: "PATCH", body: { paused: true } }), params({ id }))).json();
    expect(paused).toMatchObject({ paused: true, state: "paused" });
    expect(await context.monitorQueues.monitors.getJobScheduler(schedulerId(id))).toBeFalsy();
    const resumed = await (await patchMonitor(asAccount(account, `/api/v1/monitors/${id}`, { method: "PATCH", body: { paused: false, intervalSeconds: 120 } }), params({ id }))).json();
    expect(resumed).toMatchObject({ paused: false, state: "pending", intervalSeconds: 120 });
    expect((await context.monitorQueues.monitors.getJobScheduler(schedulerId(id)))?.every).toBe(120_000);
    expect((await deleteMonitorRoute(asAccount(account, `/api/v1/monitors/${id}`, { method: "DELETE" }), params({ id }))).status).toBe(204);
    expect(await context.monitorQueues.monitors.getJobScheduler(schedulerId(id))).toBeFalsy();
  });

  it("refuses a webhook to a private address at delivery, and logs why", async () => {
    const { deliverWebhook } = await import("../lib/alerts/deliver-webhook");
    const outcome = await deliverWebhook("http://10.0.0.1/hook", "{}", { secret: "s", rules: {} });
    expect(outcome).toMatchObject({ ok: false, status: null, permanent: true });
    expect(outcome.error).toContain("Portcheck only checks public internet addresses");
    const local = await deliverWebhook("http://127.0.0.1:9/hook", "{}", { secret: "s", rules: {} });
    expect(local.permanent).toBe(true);
  });
});
