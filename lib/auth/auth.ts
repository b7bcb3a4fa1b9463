// Accounts (better-auth, mounted at /api/auth): e-mail and password, argon2id hashes, sessions in
// PostgreSQL, brute-force limits in Redis, confirmation and reset links by e-mail (capped per address,
// sent in the background), e-mail and password changes, TOTP two-factor sign-in, account deletion.
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { twoFactor } from "better-auth/plugins";
import { db } from "../db";
import { env } from "../env";
import { CLIENT_IP_HEADER } from "../http/client-ip";
import { unscheduleMonitor } from "../queue/monitor-queues";
import { producerRedis } from "../redis";
import { webContext } from "../web-context";
import { accountMails } from "./account-mails";
import { afterHook, beforeHook } from "./hooks";
import { hashPassword, verifyPassword } from "./password";
import { redisRateLimitStorage } from "./rate-limit-storage";

/** Limits on the account endpoints, per client (IPv4 address or IPv6 /64) and path. */
export const AUTH_LIMITS = {
  "/sign-in/email": { window: 60, max: 10 },
  "/sign-up/email": { window: 3600, max: 30 },
  "/request-password-reset": { window: 3600, max: 5 },
  "/reset-password": { window: 600, max: 10 },
  "/delete-user": { window: 600, max: 10 },
  "/send-verification-email": { window: 3600, max: 10 },
  "/change-email": { window: 3600, max: 10 },
  "/change-password": { window: 600, max: 10 },
  // Six-digit codes: ten tries a minute per client and path (better-auth also ends a sign-in after five wrong ones).
  "/two-factor/*": { window: 60, max: 10 },
} as const;

/** The app's name in authenticator apps. */
export const TOTP_ISSUER = "Portcheck";

function createAuth() {
  const config = env();
  return betterAuth({
    appName: "Portcheck",
    baseURL: config.APP_URL,
    basePath: "/api/auth",
    secret: config.BETTER_AUTH_SECRET,
    trustedOrigins: [config.APP_URL],
    database: prismaAdapter(db(), { provider: "postgresql" }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      // Nobody is signed in before the address is confirmed: otherwise signing up and then in would
      // tell whether the address already had an account. The confirmation link signs in.
      requireEmailVerification: true,
      autoSignIn: false,
      password: { hash: hashPassword, verify: verifyPassword },
      resetPasswordTokenExpiresIn: 3600,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, url }) => accountMails.resetPassword(user.email, url),
      // The owner hears of it (capped like confirmation links); the answer is the same as for a new address.
      onExistingUserSignUp: async ({ user }) => accountMails.existingSignUp(user.email),
      // The reset link reached this mailbox, which confirms the address too.
      onPasswordReset: async ({ user }) => {
        if (!user.emailVerified) await db().user.update({ where: { id: user.id }, data: { emailVerified: true } });
      },
    },
    // Alerts are only e-mailed to confirmed addresses, so nobody can sign a stranger up for alerts.
    emailVerification: {
      sendOnSignUp: true,
      sendOnSignIn: true,
      autoSignInAfterVerification: true,
      expiresIn: 3600,
      // Also the link that confirms a new address: until it is opened, the old address stays (and gets the alerts).
      sendVerificationEmail: async ({ user, url }) => {
        const stored = await db().user.findUnique({ where: { id: user.id }, select: { email: true } });
        if (stored && stored.email !== user.email) accountMails.changeEmail(user.email, url);
        else accountMails.verify(user.email, url);
      },
    },
    user: {
      changeEmail: { enabled: true },
      deleteUser: {
        enabled: true,
        // The database cascade removes monitors, results, incidents and deliveries; their schedulers go now.
        // Best effort: if Redis is away, the worker's schedule sync removes them within minutes.
        beforeDelete: async (user) => {
          const monitors = await db().monitor.findMany({ where: { userId: user.id }, select: { id: true } });
          const queue = webContext().monitorQueues.monitors;
          await Promise.all(monitors.map(({ id }) => unscheduleMonitor(queue, id))).catch(() => {});
        },
      },
    },
    plugins: [twoFactor({ issuer: TOTP_ISSUER })],
    // Deleting the account without the password needs a sign-in of the last 10 minutes.
    session: { expiresIn: 30 * 24 * 3600, updateAge: 24 * 3600, freshAge: 10 * 60 },
    rateLimit: {
      enabled: true,
      window: 60,
      max: 100,
      customRules: AUTH_LIMITS,
      customStorage: redisRateLimitStorage(producerRedis),
    },
    advanced: {
      useSecureCookies: config.APP_URL.startsWith("https:"),
      // server.ts sets this header from the socket (and X-Forwarded-For of trusted proxies only).
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
      // Mutations with a session cookie must come from our own origin, in tests too.
      disableOriginCheck: false,
      // Mails never hold up an answer (account-mails.ts queues them and logs failures).
      backgroundTasks: { handler: (promise) => void promise.catch(() => {}) },
    },
    telemetry: { enabled: false },
    hooks: { before: beforeHook, after: afterHook },
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { portcheckAuth?: Auth };

export function auth(): Auth {
  globalForAuth.portcheckAuth ??= createAuth();
  return globalForAuth.portcheckAuth;
}
