// The API tests run no worker: they announce one of region "local" in the registry, as a worker
// does, so checks are accepted and stay queued for inspection. Tests of regions start real workers.
import { afterAll, beforeAll } from "vitest";
import { createProducerRedis, readyRedis } from "../../lib/redis";
import { startHeartbeat } from "../../lib/regions/registry";
import { TEST_ENV } from "../test-env";

export function standInForRegion(region = "local"): void {
  const redis = createProducerRedis(TEST_ENV.REDIS_URL);
  let heartbeat: ReturnType<typeof startHeartbeat> | undefined;
  beforeAll(async () => {
    await readyRedis(redis, 5000);
    const now = new Date().toISOString();
    heartbeat = startHeartbeat(redis, TEST_ENV.REDIS_PREFIX!, { id: `${region}:stand-in-${process.pid}`, region, label: null, role: "all", version: "test", startedAt: now });
    await heartbeat.first;
  });
  afterAll(async () => {
    await heartbeat?.stop();
    await redis.quit();
  });
}
