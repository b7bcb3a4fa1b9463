// Redis over TLS with a password, as regions on the public internet reach it: rediss:// in REDIS_URL,
// the server's private CA in REDIS_TLS_CA. The web (this process) and a worker run a check and a monitor.
import { startRedisTls } from "./helpers/redis-servers";

const redis = await startRedisTls({ password: "s3cret pass/word" });
process.env.REDIS_URL = redis.urls[0]!;
process.env.REDIS_TLS_CA = redis.caFile!;
process.env.MONITOR_MIN_INTERVAL_SECONDS = "1";

const { describe, expect, it } = await import("vitest");
const { Redis } = await import("ioredis");
const { readFileSync } = await import("node:fs");
const { checkAndMonitorThroughRedis, workerDuringSuite } = await import("./helpers/scaleout");
const { TEST_ENV } = await import("./test-env");

workerDuringSuite(() => redis.stop());

describe("Redis over TLS with a password", () => {
  it("carries a check and a monitor end to end", async () => {
    await checkAndMonitorThroughRedis();
    // The queues really live on the TLS server.
    const client = new Redis(redis.urls[0]!, { tls: { ca: readFileSync(redis.caFile!) }, maxRetriesPerRequest: 1 });
    const keys = await client.keys(`${TEST_ENV.REDIS_PREFIX}:probes-local:*`);
    await client.quit();
    expect(keys.length).toBeGreaterThan(0);
  }, 60_000);

  it("is refused without the password", async () => {
    const client = new Redis(redis.urls[0]!.replace(/:[^:@/]*@/, ":wrong@"), { tls: { ca: readFileSync(redis.caFile!) }, maxRetriesPerRequest: 0, enableReadyCheck: false, retryStrategy: () => null });
    client.on("error", () => {});
    await expect(client.ping()).rejects.toThrow(/WRONGPASS|NOAUTH/);
    client.disconnect();
  });
});
