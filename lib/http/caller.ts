// Who is calling: an API key (Authorization: Bearer), a signed-in session (cookie), or nobody. A route
// declares what it accepts; a key is checked before anything else, wrong keys are limited like wrong
// passwords, and a cookie may change something only from Portcheck's own pages.
import { verifyApiKey } from "../api-keys/verify-api-key";
import { currentUser, type SignedInUser } from "../auth/session";
import { consume } from "../limits/rate-limits";
import { ProblemError, rateLimited } from "../problem-error";
import { readyRedis } from "../redis";
import type { WebContext } from "../web-context";
import { type ClientIp, clientKey } from "./client-ip";

export type AuthMode = "none" | "user" | "user-or-key" | "session";

export type Caller =
  | { kind: "anonymous" }
  | { kind: "user"; via: "session"; user: SignedInUser }
  | { kind: "user"; via: "key"; user: SignedInUser; keyId: string; scope: "read" | "write" };

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export function bearerToken(request: Request): string | null {
  const header = request.headers.get("authorization");
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : "";
}

export async function resolveCaller(
  request: Request,
  spec: { auth: AuthMode; scope: "read" | "write"; appOrigin: string },
  client: ClientIp | null,
  context: WebContext,
): Promise<Caller> {
  const token = bearerToken(request);
  if (token !== null) {
    if (spec.auth === "session") throw new ProblemError("forbidden", "API keys cannot manage API keys: sign in to Portcheck to create or revoke keys.");
    const caller = await verifyApiKey(context.db, token);
    if (!caller) {
      await readyRedis(context.redis);
      const outcome = await consume(context.limiters.badKeys, client ? clientKey(client) : "unknown");
      if (!outcome.allowed) throw rateLimited(`Too many wrong API keys from your address. Try again in ${outcome.retryAfterSeconds} s.`, outcome.retryAfterSeconds);
      throw new ProblemError("invalid_api_key", token === "" ? "The Authorization header must be \"Bearer <API key>\"." : "This API key is not valid: it is mistyped or has been revoked.");
    }
    if (spec.scope === "write" && caller.scope === "read") {
      throw new ProblemError("insufficient_scope", "This API key has the read scope: it may only GET. Use a key with the write scope.");
    }
    return { kind: "user", via: "key", user: caller.user, keyId: caller.keyId, scope: caller.scope };
  }
  const user = request.headers.has("cookie") ? await currentUser(request.headers) : null;
  // A cookie that changes something must come from our own pages, or another site could act for the user.
  const sameOrigin = SAFE_METHODS.has(request.method) || request.headers.get("origin") === spec.appOrigin;
  if (spec.auth === "none") return user && sameOrigin ? { kind: "user", via: "session", user } : { kind: "anonymous" };
  if (!user) {
    throw new ProblemError("unauthorized", spec.auth === "session" ? "Sign in to manage API keys." : "Sign in, or send an API key as Authorization: Bearer <key>.");
  }
  if (!sameOrigin) throw new ProblemError("forbidden", "This request must come from Portcheck's own pages (the Origin header does not match), or use an API key.");
  return { kind: "user", via: "session", user };
}
