// Before the browser tests: forget earlier runs' rate-limit counters (sign-ups from 127.0.0.1 add up).
import { Redis } from "ioredis";

import { TEST_INSTANCE } from "../tests/instance";

export const E2E_REDIS_PREFIX = TEST_INSTANCE.e2ePrefix;

export default async function globalSetup(): Promise<void> {
  const redis = new Redis("redis://127.0.0.1:6379");
  const keys = await redis.keys(`${E2E_REDIS_PREFIX}:rl:*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
}
