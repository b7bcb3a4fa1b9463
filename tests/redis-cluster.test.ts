// Redis Cluster: three masters on loopback ports, REDIS_CLUSTER=true with the seeds in REDIS_URL, and a
// hash-tagged REDIS_PREFIX so that each queue's keys share a slot (BullMQ's rule). The web (this
// process) and a worker run a check and a monitor through it.
import { startRedisCluster } from "./helpers/redis-servers";

const cluster = await startRedisCluster();
const PREFIX = "{portcheck-cluster}";
process.env.REDIS_URL = cluster.urls.join(",");
process.env.REDIS_CLUSTER = "true";
process.env.REDIS_PREFIX = PREFIX;
process.env.MONITOR_MIN_INTERVAL_SECONDS = "1";

const { describe, expect, it } = await import("vitest");
const { Cluster } = await import("ioredis");
const { parseEnv } = await import("../lib/env");
const { checkAndMonitorThroughRedis, workerDuringSuite } = await import("./helpers/scaleout");

workerDuringSuite(() => cluster.stop());

describe("Redis Cluster", () => {
  it("carries a check and a monitor end to end, every key in the prefix's one slot", async () => {
    await checkAndMonitorThroughRedis();
    const nodes = cluster.urls.map((url) => ({ host: new URL(url).hostname, port: Number(new URL(url).port) }));
    const client = new Cluster(nodes);
    const slot = await client.cluster("KEYSLOT", PREFIX);
    const keys = (await Promise.all(client.nodes("master").map((node) => node.keys(`${PREFIX}:*`)))).flat();
    const slots = new Set(await Promise.all(keys.map((key) => client.cluster("KEYSLOT", key))));
    await client.quit();
    expect(slots).toEqual(new Set([slot]));
    expect(keys.some((key) => key.startsWith(`${PREFIX}:probes-local:`))).toBe(true);
    expect(keys.some((key) => key.startsWith(`${PREFIX}:monitors:`))).toBe(true);
    expect(typeof slot).toBe("number");
  }, 60_000);

  it("refuses a prefix without braces under a cluster, naming the variable", () => {
    expect(() => parseEnv({ REDIS_URL: cluster.urls.join(","), REDIS_CLUSTER: "true", REDIS_PREFIX: "portcheck" })).toThrow(/REDIS_PREFIX: must be in braces/);
  });
});
