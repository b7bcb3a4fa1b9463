// Deletes every Redis key that matches a pattern, in batches: SCAN, not KEYS, so that a Redis left with
// millions of keys by an earlier run or a benchmark is walked without blocking it, and no single command
// carries more arguments than a call can spread.
import type { Redis } from "ioredis";

export async function forgetKeys(redis: Redis, pattern: string): Promise<number> {
  let cursor = "0";
  let forgotten = 0;
  do {
    const [next, keys] = await redis.scan(cursor, "MATCH", pattern, "COUNT", 1000);
    cursor = next;
    if (keys.length) forgotten += await redis.unlink(...keys);
  } while (cursor !== "0");
  return forgotten;
}
