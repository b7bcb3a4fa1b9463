// Which budget a request spends, by the route's declared limit and the caller: checks per API key or
// account, or per client address for visitors; monitor changes per account; tokens per client; and a
// general budget for every other request. Every /api/v1 answer states its budget in RateLimit-* headers.
import type { Env } from "../env";
import type { Limiters, LimitState } from "../limits/rate-limits";
import type { RateLimiterRedis } from "rate-limiter-flexible";
import { ProblemError } from "../problem-error";
import type { Caller } from "./caller";
import { type ClientIp, clientKey } from "./client-ip";

export type LimitName = "checks" | "changes" | "tokens" | "requests" | "exposure";

export interface RouteLimit {
  limiter: RateLimiterRedis;
  key: string;
  /** The sentence of a 429, given the seconds to wait. */
  refusal: (seconds: number) => string;
}

function callerKey(caller: Caller, client: ClientIp | null): string | null {
  if (caller.kind === "user") return caller.via === "key" ? `key:${caller.keyId}` : `user:${caller.user.id}`;
  return client ? clientKey(client) : null;
}

export function routeLimit(name: LimitName, caller: Caller, client: ClientIp | null, limiters: Limiters, config: Env): RouteLimit {
  const key = callerKey(caller, client);
  // Without the caller's address no limit could apply, so nothing is served.
  if (!key) throw new ProblemError("invalid_request", "Portcheck could not determine your IP address. Please try again.");
  switch (name) {
    case "checks":
      return caller.kind === "user"
        ? { limiter: limiters.keyChecks, key, refusal: (s) => `You can start ${config.RATE_LIMIT_KEY_CHECKS_PER_MINUTE} checks a minute with ${caller.via === "key" ? "this API key" : "your account"}. Try again in ${s} s.` }
        : { limiter: limiters.client, key, refusal: (s) => `You can start ${config.RATE_LIMIT_CHECKS_PER_MINUTE} checks a minute. Try again in ${s} s.` };
    case "changes":
      return { limiter: limiters.client, key, refusal: (s) => `At most ${config.RATE_LIMIT_CHECKS_PER_MINUTE} monitor changes and test alerts a minute. Try again in ${s} s.` };
    case "tokens":
      return { limiter: limiters.tokens, key: client ? clientKey(client) : key, refusal: (s) => `Too many tokens asked for. Try again in ${s} s.` };
    case "exposure":
      // Per address whoever asks (a key or an account does not buy more scans of the same address).
      return {
        limiter: limiters.exposure,
        key: client ? clientKey(client) : key,
        refusal: (s) => `One exposure scan of your address every ${Math.round(config.EXPOSURE_SCAN_INTERVAL_SECONDS / 60) || 1} minutes. Try again in ${s} s.`,
      };
    case "requests":
      return { limiter: limiters.requests, key, refusal: (s) => `At most ${config.RATE_LIMIT_REQUESTS_PER_MINUTE} API requests a minute. Try again in ${s} s.` };
  }
}

export function rateLimitHeaders(state: LimitState): Record<string, string> {
  return { "ratelimit-limit": String(state.limit), "ratelimit-remaining": String(state.remaining), "ratelimit-reset": String(state.resetSeconds) };
}
