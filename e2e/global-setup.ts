// Before the browser tests: forget earlier runs' rate-limit counters (sign-ups from 127.0.0.1 add up).
import { Redis } from "ioredis";

export const E2E_REDIS_PREFIX = "portcheck-e2e";

export default async function globalSetup(): Promise<void> {
  const redis = new Redis("redis://127.0.0.1:6379");
  const keys = await redis.keys(`${E2E_REDIS_PREFIX}:rl:*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
}
