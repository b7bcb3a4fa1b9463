// A worker's metrics, published to Redis every few seconds with an expiry, so the web's /api/metrics can
// merge every live worker's (prom-client's AggregatorRegistry sums counters and histograms across them).
// Chosen over a port per worker: a regional worker reaches Redis and nothing else, and a scrape then
// sees the fleet through one endpoint. A stopped worker's figures expire within a minute.
import type { Redis } from "ioredis";
import type { Metrics } from "./metrics";

export const PUBLISH_EVERY_MS = 5000;
const EXPIRE_SECONDS = 60;

export function metricsKeyPattern(prefix: string): string {
  return `${prefix}:metrics:*`;
}

export function startMetricsPublisher(redis: Redis, prefix: string, workerId: string, metrics: Metrics): { stop: () => Promise<void> } {
  const key = `${prefix}:metrics:${workerId}`;
  const publish = async () => {
    const json = await metrics.registry.getMetricsAsJSON();
    await redis.set(key, JSON.stringify(json), "EX", EXPIRE_SECONDS);
  };
  void publish().catch(() => {});
  const timer = setInterval(() => void publish().catch(() => {}), PUBLISH_EVERY_MS);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await redis.del(key).catch(() => {});
    },
  };
}
