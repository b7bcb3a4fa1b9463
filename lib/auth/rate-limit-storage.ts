// better-auth's rate-limit storage in Redis (rate-limiter-flexible), one limiter per window and maximum.
import type { Redis } from "ioredis";
import { RateLimiterRedis, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "../env";
import { clientKey } from "../http/client-ip";
import { readyRedis } from "../redis";

export function redisRateLimitStorage(redis: () => Redis) {
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
