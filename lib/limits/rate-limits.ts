// Abuse limits kept in Redis: checks per client per minute, probes per target address per minute.
import type { Redis } from "ioredis";
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "../env";

export interface Limiters {
  /** One point per check, keyed by client (IPv4 address or IPv6 /64). */
  client: RateLimiterRedis;
  /** One point per port probed, keyed by target address, across all callers. */
  target: RateLimiterRedis;
  /** Ownership tokens issued per client per minute. */
  tokens: RateLimiterRedis;
  /** Checks per API key or signed-in account per minute. */
  keyChecks: RateLimiterRedis;
  /** Any other API request, per caller. */
  requests: RateLimiterRedis;
  /** Wrong API keys per client: guessing keys is limited like guessing passwords. */
  badKeys: RateLimiterRedis;
  /** Exposure scans per client address: one per EXPOSURE_SCAN_INTERVAL_SECONDS. */
  exposure: RateLimiterRedis;
}

export const BAD_KEYS_PER_MINUTE = 10;

export const TOKENS_PER_MINUTE = 10;

export function createLimiters(redis: Redis): Limiters {
  const { REDIS_PREFIX, EXPOSURE_SCAN_INTERVAL_SECONDS, RATE_LIMIT_CHECKS_PER_MINUTE, RATE_LIMIT_TARGET_PER_MINUTE, RATE_LIMIT_KEY_CHECKS_PER_MINUTE, RATE_LIMIT_REQUESTS_PER_MINUTE } = env();
  const limiter = (name: string, points: number) => new RateLimiterRedis({ storeClient: redis, keyPrefix: `${REDIS_PREFIX}:rl:${name}`, points, duration: 60 });
  return {
    client: new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${REDIS_PREFIX}:rl:client`,
      points: RATE_LIMIT_CHECKS_PER_MINUTE,
      duration: 60,
    }),
    target: new RateLimiterRedis({
      storeClient: redis,
      keyPrefix: `${REDIS_PREFIX}:rl:target`,
      points: RATE_LIMIT_TARGET_PER_MINUTE,
      duration: 60,
    }),
    tokens: limiter("tokens", TOKENS_PER_MINUTE),
    keyChecks: limiter("key-checks", RATE_LIMIT_KEY_CHECKS_PER_MINUTE),
    requests: limiter("requests", RATE_LIMIT_REQUESTS_PER_MINUTE),
    badKeys: limiter("bad-keys", BAD_KEYS_PER_MINUTE),
    exposure: new RateLimiterRedis({ storeClient: redis, keyPrefix: `${REDIS_PREFIX}:rl:exposure`, points: 1, duration: EXPOSURE_SCAN_INTERVAL_SECONDS }),
  };
}

/** What is left of a limit after a request, for the RateLimit-* headers. */
export interface LimitState {
  limit: number;
  remaining: number;
  resetSeconds: number;
}

export type LimitOutcome = ({ allowed: true } | { allowed: false; retryAfterSeconds: number }) & { state?: LimitState };

/** Takes `points` from `key`. Redis errors propagate (the caller answers 503 or retries). */
export async function consume(limiter: RateLimiterRedis, key: string, points = 1): Promise<LimitOutcome> {
  try {
    const result = await limiter.consume(key, points);
    return { allowed: true, state: limitState(limiter, result) };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: retryAfter(rejection), state: limitState(limiter, rejection) };
    throw rejection;
  }
}

/** The state of a limit without spending anything; a full budget when the key has not been seen. */
export async function limitStateOf(limiter: RateLimiterRedis, key: string): Promise<LimitState> {
  const result = await limiter.get(key);
  return result ? limitState(limiter, result) : { limit: limiter.points, remaining: limiter.points, resetSeconds: limiter.duration };
}

function limitState(limiter: RateLimiterRedis, result: RateLimiterRes): LimitState {
  return { limit: limiter.points, remaining: Math.max(0, result.remainingPoints), resetSeconds: Math.max(0, Math.ceil(result.msBeforeNext / 1000)) };
}

/** Would `points` more fit under the limit? Looks without taking anything. */
export async function peek(limiter: RateLimiterRedis, key: string, points: number): Promise<LimitOutcome> {
  const state = await limiter.get(key);
  if (!state || state.consumedPoints + points <= limiter.points) return { allowed: true };
  return { allowed: false, retryAfterSeconds: retryAfter(state) };
}

function retryAfter(state: RateLimiterRes): number {
  return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
}
