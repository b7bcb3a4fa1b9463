// Imported first by tests that exercise rate limits: small limits, set before env() is first read, and
// the rate-limit counters of earlier test files forgotten (they share Redis, and their clients' budgets
// would otherwise count against this file's low limits within the same minute).
import { Redis } from "ioredis";
import { beforeAll } from "vitest";
import { forgetKeys } from "./forget-keys";

process.env.RATE_LIMIT_CHECKS_PER_MINUTE = "5";
process.env.RATE_LIMIT_TARGET_PER_MINUTE = "30";

beforeAll(async () => {
  const redis = new Redis(process.env.REDIS_URL!, { lazyConnect: true });
  try {
    await redis.connect();
    await forgetKeys(redis, `${process.env.REDIS_PREFIX}:rl:*`);
  } finally {
    redis.disconnect();
  }
});
