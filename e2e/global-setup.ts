// Before the browser tests: forget earlier runs' counters. Sign-ups from 127.0.0.1 add up in the rate
// limits, and the admin test signs up the same address (ADMIN_EMAILS) every run, so its confirmation
// mails add up in the per-address mail cap (three an hour): a fourth run within the hour got no mail.
import { Redis } from "ioredis";

import { TEST_INSTANCE } from "../tests/instance";

export const E2E_REDIS_PREFIX = TEST_INSTANCE.e2ePrefix;

export default async function globalSetup(): Promise<void> {
  const redis = new Redis("redis://127.0.0.1:6379");
  for (const pattern of [`${E2E_REDIS_PREFIX}:rl:*`, `${E2E_REDIS_PREFIX}:mailcap:*`]) {
    const keys = await redis.keys(pattern);
    if (keys.length) await redis.del(...keys);
  }
  await redis.quit();
}
