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
}

export const TOKENS_PER_MINUTE = 10;

export function createLimiters(redis: Redis): Limiters {
  const { REDIS_PREFIX, RATE_LIMIT_CHECKS_PER_MINUTE, RATE_LIMIT_TARGET_PER_MINUTE } = env();
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
    tokens: new RateLimiterRedis({ storeClient: redis, keyPrefix: `${REDIS_PREFIX}:rl:tokens`, points: TOKENS_PER_MINUTE, duration: 60 }),
  };
}

export type LimitOutcome = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Takes `points` from `key`. Redis errors propagate (the caller answers 503 or retries). */
export async function consume(limiter: RateLimiterRedis, key: string, points = 1): Promise<LimitOutcome> {
  try {
    await limiter.consume(key, points);
    return { allowed: true };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: retryAfter(rejection) };
    throw rejection;
  }
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
