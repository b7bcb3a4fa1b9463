// The account basics beyond sign-up: changing the password and the e-mail address, TOTP two-factor
// sign-in with recovery codes, answers that do not tell which addresses have accounts, and the cap on
// account e-mails per address. Real PostgreSQL, Redis and SMTP; TOTP codes computed from the RFC.
import { smtp } from "./helpers/monitor-env";
import { afterAll, describe, expect, it } from "vitest";
import { GET as authGet } from "../app/api/auth/[...all]/route";
import { POST as postMonitor } from "../app/api/v1/monitors/route";
import { POST as testAlert } from "../app/api/v1/monitors/[id]/test-alert/route";
import { accountMailsSettled } from "../lib/auth/account-mails";
import { SIGN_UP_MESSAGE } from "../lib/auth/hooks";
import { MAIL_CAP } from "../lib/auth/mail-cap";
import { webContext } from "../lib/web-context";
import { asAccount, authCall, sessionCookie, signUp } from "./helpers/accounts";
import { newPeer, params, request } from "./helpers/api";
import { mailText } from "./helpers/smtp";
import { totpFromUri } from "./helpers/totp";

const context = webContext();

afterAll(async () => {
  await accountMailsSettled();
  await context.monitorQueues.monitors.obliterate({ force: true });
  await context.monitorQueues.alerts.obliterate({ force: true });
  await smtp.close();
  await context.redis.quit();
  await context.db.$disconnect();
});

/** Every cookie a response sets and does not expire, as a Cookie header. */
function cookiesOf(response: Response): string {
  return response.headers
    .getSetCookie()
    .filter((cookie) => !/Max-Age=0/i.test(cookie))
    .map((cookie) => cookie.split(";")[0]!)
    .join("; ");
}

async function session(cookie: string): Promise<{ user: { email: string; twoFactorEnabled?: boolean } } | null> {
  return (await authGet(request("/api/auth/get-session", { headers: { cookie } }))).json();
}

async function mailsTo(address: string) {
  await accountMailsSettled();
  return smtp.mails.filter((mail) => mail.to.includes(address));
}

function linkIn(text: string): URL {
  const link = /(http:\/\/localhost:3000\/api\/auth\/verify-email\?[^\s]+)/.exec(text)?.[1];
  if (!link) throw new Error(`no link in ${text}`);
  return new URL(link);
}

describe("change password", () => {
  it("asks for the current password, applies the strength rule, and signs other sessions out", async () => {
    const account = await signUp("chpw");
    const other = sessionCookie(await authCall("/sign-in/email", { email: account.email, password: account.password }));
    const change = (currentPassword: string, newPassword: string) =>
      authCall("/change-password", { currentPassword, newPassword, revokeOtherSessions: true }, { cookie: account.cookie, peer: account.peer });

    const weak = await change(account.password, "password12345");
    expect(weak.status).toBe(400);
    expect((await weak.json()).message).toMatch(/^This password is too easy to guess\./);
    expect((await change("not my password!", "a fresh new passphrase")).status).toBe(400);

    const done = await change(account.password, "a fresh new passphrase");
    expect(done.status).toBe(200);
    const fresh = sessionCookie(done);
    expect((await session(fresh))?.user.email).toBe(account.email);
    expect(await session(other)).toBeNull();
    expect(await session(account.cookie)).toBeNull();
    expect((await authCall("/sign-in/email", { email: account.email, password: account.password })).status).toBe(401);
    expect((await authCall("/sign-in/email", { email: account.email, password: "a fresh new passphrase" })).status).toBe(200);
  });
});

describe("change e-mail address", () => {
  it("sends a link to the new address; the change, and the alerts, move only when it is opened", async () => {
    const account = await signUp("chmail");
    const newEmail = `new-${account.email}`;
    const monitor = await (await postMonitor(asAccount(account, "/api/v1/monitors", { body: { name: "Web", host: "127.0.0.2", port: 443, paused: true } }), params({}))).json();
    const ask = (password?: string) => authCall("/change-email", { newEmail, password, callbackURL: "/verified?notice=email-changed" }, { cookie: account.cookie, peer: account.peer });

    expect((await ask()).status).toBe(400);
    const wrong = await ask("not my password!");
    expect([wrong.status, (await wrong.json()).message]).toEqual([400, "The password is wrong."]);
    expect((await ask(account.password)).status).toBe(200);

    const before = await context.db.user.findUniqueOrThrow({ where: { email: account.email } });
    expect(before.emailVerified).toBe(true);
    const alert = await testAlert(asAccount(account, `/api/v1/monitors/${monitor.id}/test-alert`, { method: "POST" }), params({ id: monitor.id }));
    expect(alert.status).toBe(202);
    const deliveries = await context.db.alertDelivery.findMany({ where: { monitorId: monitor.id, channel: "email" } });
    expect(deliveries.map((delivery) => delivery.target)).toEqual([account.email]);

    const [mail] = (await mailsTo(newEmail)).filter((candidate) => candidate.subject.includes("new e-mail address"));
    expect(mail).toBeDefined();
    expect((await mailsTo(account.email)).some((candidate) => candidate.subject.includes("new e-mail address"))).toBe(false);
    // The address in use is told, once, so a stolen session cannot move the account quietly.
    const notices = (await mailsTo(account.email)).filter((candidate) => candidate.subject.includes("is about to change"));
    expect(notices).toHaveLength(1);
    expect(mailText(notices[0]!)).toContain(newEmail);
    const link = linkIn(mailText(mail!));
    const opened = await authGet(request(`${link.pathname}${link.search}`, { headers: { cookie: account.cookie } }));
    expect(opened.status).toBe(302);
    expect(opened.headers.get("location")).toBe("/verified?notice=email-changed");
    const after = await context.db.user.findUniqueOrThrow({ where: { id: before.id } });
    expect(after).toMatchObject({ email: newEmail, emailVerified: true });
  });

  it("answers alike, and sends nothing, when the new address belongs to another account", async () => {
    const account = await signUp("chmail-taken");
    const taken = await signUp("chmail-owner");
    const response = await authCall("/change-email", { newEmail: taken.email, password: account.password }, { cookie: account.cookie, peer: account.peer });
    expect([response.status, await response.json()]).toEqual([200, { status: true }]);
    expect((await mailsTo(taken.email)).filter((mail) => mail.subject.includes("new e-mail address"))).toEqual([]);
    expect((await context.db.user.findUniqueOrThrow({ where: { email: account.email } })).email).toBe(account.email);
  });
});

describe("two-factor sign-in (TOTP)", () => {
  it("is enabled with the password and a first code, then asks for a code or a recovery code at sign-in", async () => {
    const account = await signUp("totp");
    const call = (path: string, body: unknown, cookie = account.cookie) => authCall(path, body, { cookie, peer: newPeer() });

    expect((await call("/two-factor/enable", { password: "not my password!" })).status).toBe(400);
    const enabled = await call("/two-factor/enable", { password: account.password });
    expect(enabled.status).toBe(200);
    const { totpURI, backupCodes } = (await enabled.json()) as { totpURI: string; backupCodes: string[] };
    expect(totpURI).toMatch(/^otpauth:\/\/totp\/Portcheck:/);
    expect(new URL(totpURI).searchParams.get("issuer")).toBe("Portcheck");
    expect(backupCodes).toHaveLength(10);
    // Not on until the authenticator app has shown that it has the secret.
    expect((await context.db.user.findUniqueOrThrow({ where: { email: account.email } })).twoFactorEnabled).toBe(false);
    expect((await call("/two-factor/verify-totp", { code: "000000" === totpFromUri(totpURI) ? "111111" : "000000" })).status).toBe(401);
    const confirmed = await call("/two-factor/verify-totp", { code: totpFromUri(totpURI) });
    expect(confirmed.status).toBe(200);
    const cookie = sessionCookie(confirmed);
    expect((await context.db.user.findUniqueOrThrow({ where: { email: account.email } })).twoFactorEnabled).toBe(true);

    // The password alone no longer signs in: it opens the second step.
    const signIn = async () => {
      const response = await authCall("/sign-in/email", { email: account.email, password: account.password });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ twoFactorRedirect: true, twoFactorMethods: ["totp"] });
      expect(response.headers.getSetCookie().some((value) => /session_token=[^;]+/.test(value) && !/Max-Age=0/i.test(value))).toBe(false);
      return cookiesOf(response);
    };
    const pending = await signIn();
    expect(await session(pending)).toBeNull();
    expect((await call("/two-factor/verify-totp", { code: "12345" }, pending)).status).toBe(401);
    const second = await call("/two-factor/verify-totp", { code: totpFromUri(totpURI) }, pending);
    expect(second.status).toBe(200);
    expect((await session(sessionCookie(second)))?.user.email).toBe(account.email);

    // A recovery code works once.
    const withRecovery = await call("/two-factor/verify-backup-code", { code: backupCodes[0] }, await signIn());
    expect(withRecovery.status).toBe(200);
    expect((await session(sessionCookie(withRecovery)))?.user.email).toBe(account.email);
    expect((await call("/two-factor/verify-backup-code", { code: backupCodes[0] }, await signIn())).status).toBe(401);

    // New recovery codes replace the old ones.
    const regenerated = await call("/two-factor/generate-backup-codes", { password: account.password }, cookie);
    expect(regenerated.status).toBe(200);
    const { backupCodes: fresh } = (await regenerated.json()) as { backupCodes: string[] };
    expect(fresh).toHaveLength(10);
    expect((await call("/two-factor/verify-backup-code", { code: backupCodes[1] }, await signIn())).status).toBe(401);
    const withFresh = await call("/two-factor/verify-backup-code", { code: fresh[0] }, await signIn());
    expect(withFresh.status).toBe(200);

    // Disabled with the password: the password alone signs in again.
    const current = sessionCookie(withFresh);
    expect((await call("/two-factor/disable", { password: "not my password!" }, current)).status).toBe(400);
    expect((await call("/two-factor/disable", { password: account.password }, current)).status).toBe(200);
    expect((await context.db.user.findUniqueOrThrow({ where: { email: account.email } })).twoFactorEnabled).toBe(false);
    expect(await context.db.twoFactor.count({ where: { user: { email: account.email } } })).toBe(0);
    const plain = await authCall("/sign-in/email", { email: account.email, password: account.password });
    expect((await session(sessionCookie(plain)))?.user.email).toBe(account.email);
  });
});

describe("no telling which addresses have accounts", () => {
  it("answers a sign-up for a known address exactly like one for a new address, and tells the owner", async () => {
    const owner = await signUp("known");
    const fresh = `fresh-${owner.email}`;
    const known = await authCall("/sign-up/email", { email: owner.email, password: "another long passphrase", name: "x" });
    const unknown = await authCall("/sign-up/email", { email: fresh, password: "another long passphrase", name: "x" });
    expect([known.status, unknown.status]).toEqual([200, 200]);
    const [knownBody, unknownBody] = [await known.text(), await unknown.text()];
    expect(knownBody).toBe(unknownBody);
    expect(JSON.parse(knownBody)).toEqual({ status: true, message: SIGN_UP_MESSAGE });
    for (const response of [known, unknown]) expect(response.headers.getSetCookie().filter((cookie) => cookie.includes("session_token="))).toEqual([]);

    expect((await mailsTo(owner.email)).map((mail) => mail.subject)).toContain("Someone tried to sign up to Portcheck with your address");
    expect((await mailsTo(fresh)).map((mail) => mail.subject)).toEqual(["Confirm your e-mail address for Portcheck"]);
    // The owner's password is untouched, and the new account cannot sign in before it is confirmed.
    expect((await authCall("/sign-in/email", { email: owner.email, password: owner.password })).status).toBe(200);
    expect((await authCall("/sign-in/email", { email: owner.email, password: "another long passphrase" })).status).toBe(401);
    expect((await authCall("/sign-in/email", { email: fresh, password: "another long passphrase" })).status).toBe(403);
  });

  it("answers a password reset and a sign-in failure alike for known and unknown addresses", async () => {
    const owner = await signUp("known-reset");
    const answer = async (path: string, body: unknown) => {
      const response = await authCall(path, body);
      return [response.status, await response.text()];
    };
    const reset = (email: string) => answer("/request-password-reset", { email, redirectTo: "/reset-password" });
    expect(await reset(owner.email)).toEqual(await reset(`nobody-${owner.email}`));
    const signIn = (email: string) => answer("/sign-in/email", { email, password: "a wrong passphrase here" });
    const [status, body] = await signIn(owner.email);
    expect(status).toBe(401);
    expect(await signIn(`nobody-${owner.email}`)).toEqual([status, body]);
  });
});

describe("password reset of an unconfirmed account", () => {
  it("confirms the address too, so whoever owns the mailbox can take over an account someone else started", async () => {
    const email = `squatted-${Date.now()}@example.com`;
    await authCall("/sign-up/email", { email, password: "somebody elses passphrase", name: "s" });
    expect((await authCall("/request-password-reset", { email, redirectTo: "/reset-password" })).status).toBe(200);
    const mail = (await mailsTo(email)).find((candidate) => candidate.subject.includes("Reset"));
    const token = /\/api\/auth\/reset-password\/([^\s?]+)/.exec(mailText(mail!))?.[1];
    expect(token).toBeDefined();
    expect((await authCall("/reset-password", { token, newPassword: "my own fresh passphrase" })).status).toBe(200);
    expect((await context.db.user.findUniqueOrThrow({ where: { email } })).emailVerified).toBe(true);
    expect((await authCall("/sign-in/email", { email, password: "my own fresh passphrase" })).status).toBe(200);
  });
});

describe("account e-mails per address", () => {
  it(`sends at most ${MAIL_CAP.max} confirmation links an hour to one address, whoever asks`, async () => {
    const email = `capped-${Date.now()}@example.com`;
    expect((await authCall("/sign-up/email", { email, password: "a long enough passphrase", name: "c" })).status).toBe(200);
    const answers = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const response = await authCall("/send-verification-email", { email, callbackURL: "/verified" }, { peer: newPeer() });
      answers.add(`${response.status} ${await response.text()}`);
    }
    expect([...answers]).toEqual(['200 {"status":true}']);
    // Sign-ups for the address and sign-in attempts draw on the same allowance.
    await authCall("/sign-up/email", { email, password: "a long enough passphrase", name: "c" });
    expect((await authCall("/sign-in/email", { email, password: "a long enough passphrase" })).status).toBe(403);
    expect((await mailsTo(email)).length).toBe(MAIL_CAP.max);
  });
});
