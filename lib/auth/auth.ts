// Accounts (better-auth, mounted at /api/auth): e-mail and password, argon2id hashes, sessions in
// PostgreSQL, brute-force limits in Redis, password reset by e-mail, account deletion.
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import type { Redis } from "ioredis";
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { passwordProblem } from "./password-strength";
import { sendMail } from "../alerts/mailer";
import { db } from "../db";
import { env } from "../env";
import { logger } from "../logger";
import { CLIENT_IP_HEADER, clientKey } from "../http/client-ip";
import { unscheduleMonitor } from "../queue/monitor-queues";
import { producerRedis, readyRedis } from "../redis";
import { webContext } from "../web-context";
import { hashPassword, verifyPassword } from "./password";

/** Limits on the account endpoints, per client (IPv4 address or IPv6 /64) and path. */
export const AUTH_LIMITS = {
  "/sign-in/email": { window: 60, max: 10 },
  "/sign-up/email": { window: 3600, max: 30 },
  "/request-password-reset": { window: 3600, max: 5 },
  "/reset-password": { window: 600, max: 10 },
  "/delete-user": { window: 600, max: 10 },
} as const;

function redisRateLimitStorage(redis: () => Redis) {
  const limiters = new Map<string, RateLimiterRedis>();
  return {
    async consume(key: string, { window, max }: { window: number; max: number }) {
      const client = await readyRedis(redis());
      const id = `${window}:${max}`;
      let limiter = limiters.get(id);
      if (!limiter) {
        limiter = new RateLimiterRedis({ storeClient: client, keyPrefix: `${env().REDIS_PREFIX}:rl:auth:${id}`, points: max, duration: window });
        limiters.set(id, limiter);
      }
      // better-auth keys are "<ip>|<path>"; IPv6 clients are limited by /64 like everywhere else.
      const [ip = "", path = ""] = key.split("|");
      const clientId = ip.includes(":") ? clientKey({ ip, version: 6 }) : ip;
      try {
        await limiter.consume(`${clientId}|${path}`);
        return { allowed: true, retryAfter: 0 };
      } catch (rejection) {
        if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfter: Math.ceil(rejection.msBeforeNext / 1000) };
        throw rejection;
      }
    },
  };
}

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
      autoSignIn: true,
      password: { hash: hashPassword, verify: verifyPassword },
      resetPasswordTokenExpiresIn: 3600,
      revokeSessionsOnPasswordReset: true,
      sendResetPassword: async ({ user, url }) => {
        await sendMail({
          to: user.email,
          subject: "Reset your Portcheck password",
          text: `Someone asked to reset the password of your Portcheck account.\n\nTo choose a new password, open this link within an hour:\n${url}\n\nIf it was not you, ignore this e-mail: your password stays as it is.`,
        });
      },
    },
    // Alerts are only e-mailed to confirmed addresses, so nobody can sign a stranger up for alerts.
    emailVerification: {
      sendOnSignUp: true,
      autoSignInAfterVerification: true,
      sendVerificationEmail: async ({ user, url }) => {
        try {
          await sendMail({
            to: user.email,
            subject: "Confirm your e-mail address for Portcheck",
            text: `Please confirm that this address may receive Portcheck alerts:\n${url}\n\nIf you did not create a Portcheck account, ignore this e-mail.`,
          });
        } catch (error) {
          // Sign-up must not fail because mail is down; the person can ask for the link again.
          logger.warn({ err: (error as Error).message }, "verification e-mail not sent");
        }
      },
    },
    user: {
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
    },
    telemetry: { enabled: false },
    // A new password (sign-up, reset, change) must not be common or guessable.
    hooks: {
      before: createAuthMiddleware(async (ctx) => {
        if (!PASSWORD_PATHS.has(ctx.path)) return;
        const body = (ctx.body ?? {}) as { password?: unknown; newPassword?: unknown; email?: unknown; name?: unknown };
        const password = typeof body.newPassword === "string" ? body.newPassword : body.password;
        if (typeof password !== "string" || password.length < 10) return; // better-auth's own length rules answer these
        const problem = passwordProblem(password, [body.email, body.name, ctx.context.session?.user.email].filter((item): item is string => typeof item === "string"));
        if (problem) throw new APIError("BAD_REQUEST", { message: problem, code: "PASSWORD_TOO_WEAK" });
      }),
    },
  });
}

/** The endpoints that set a password. */
const PASSWORD_PATHS = new Set(["/sign-up/email", "/reset-password", "/change-password"]);

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { portcheckAuth?: Auth };

export function auth(): Auth {
  globalForAuth.portcheckAuth ??= createAuth();
  return globalForAuth.portcheckAuth;
}
