// better-auth hooks: a new password must not be guessable; changing the e-mail address asks for the
// password; sign-up answers the same words whether or not the address already had an account.
import { APIError, createAuthMiddleware, getSessionFromCtx, isAPIError } from "better-auth/api";
import { db } from "../db";
import { accountMails } from "./account-mails";
import { verifyPassword } from "./password";
import { passwordProblem } from "./password-strength";

/** What sign-up answers, for a new address and for one that has an account alike. */
export const SIGN_UP_MESSAGE = "Check your inbox: we sent a link to confirm your address. Open it to sign in.";

/** The endpoints that set a password. */
const PASSWORD_PATHS = new Set(["/sign-up/email", "/reset-password", "/change-password"]);

type Body = { password?: unknown; newPassword?: unknown; email?: unknown; name?: unknown };

async function passwordIsRight(userId: string, password: unknown): Promise<boolean> {
  if (typeof password !== "string" || password.length === 0 || password.length > 128) return false;
  const account = await db().account.findFirst({ where: { userId, providerId: "credential" }, select: { password: true } });
  return Boolean(account?.password) && (await verifyPassword({ hash: account!.password!, password }));
}

export const beforeHook = createAuthMiddleware(async (ctx) => {
  const body = (ctx.body ?? {}) as Body;
  if (ctx.path === "/change-email") {
    const session = await getSessionFromCtx(ctx);
    if (!session) return; // the endpoint answers 401
    if (!(await passwordIsRight(session.user.id, body.password))) throw new APIError("BAD_REQUEST", { message: "The password is wrong.", code: "INVALID_PASSWORD" });
    const newEmail = (ctx.body as { newEmail?: unknown }).newEmail;
    if (typeof newEmail === "string" && newEmail.toLowerCase() !== session.user.email.toLowerCase()) accountMails.emailChangeRequested(session.user.email, newEmail.slice(0, 254));
    return;
  }
  if (!PASSWORD_PATHS.has(ctx.path)) return;
  const password = typeof body.newPassword === "string" ? body.newPassword : body.password;
  if (typeof password !== "string" || password.length < 10) return; // better-auth's own length rules answer these
  const session = ctx.path === "/change-password" ? await getSessionFromCtx(ctx) : null;
  const inputs = [body.email, body.name, session?.user.email, session?.user.name].filter((item): item is string => typeof item === "string");
  const problem = passwordProblem(password, inputs);
  if (problem) throw new APIError("BAD_REQUEST", { message: problem, code: "PASSWORD_TOO_WEAK" });
});

export const afterHook = createAuthMiddleware(async (ctx) => {
  if (ctx.path !== "/sign-up/email") return;
  const returned = ctx.context.returned;
  if (isAPIError(returned) || returned instanceof Response || returned instanceof Error) return;
  // better-auth answers a new address with the new user and a known one with a made-up user: neither is shown.
  return ctx.json({ status: true, message: SIGN_UP_MESSAGE });
});
