// Self-test of tests/helpers/redis-servers.ts: the TLS-only server takes only TLS clients that know the password,
// and the three-node cluster spreads keys over its masters while hash tags keep related keys in one slot.
import { readFileSync } from "node:fs";
import { Cluster, Redis, type RedisOptions } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRedisCluster, startRedisTls, type RunningRedis } from "./helpers/redis-servers";

// Clients that fail fast instead of retrying, so a refused connection ends the test quickly.
const BOUNDED: RedisOptions = { connectTimeout: 1_000, commandTimeout: 2_000, maxRetriesPerRequest: 0, retryStrategy: () => null };

function quietClient(url: string, options: RedisOptions): Redis {
  const client = new Redis(url, { ...BOUNDED, ...options });
  client.on("error", () => {});
  return client;
}

async function errorOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected the command to fail");
}

describe("startRedisTls", () => {
  let redis: RunningRedis;
  beforeAll(async () => {
    redis = await startRedisTls();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  const url = () => new URL(redis.urls[0]!);
  const tls = () => ({ ca: readFileSync(redis.caFile!) });

  it("serves rediss:// on 127.0.0.1 with a password and a CA file", () => {
    expect(redis.urls).toHaveLength(1);
    expect(url().protocol).toBe("rediss:");
    expect(url().hostname).toBe("127.0.0.1");
    expect(decodeURIComponent(url().password)).toBe(redis.password);
    expect(readFileSync(redis.caFile!, "utf8")).toContain("BEGIN CERTIFICATE");
  });

  it("lets a client with the CA and the password SET and GET", async () => {
    const client = quietClient(redis.urls[0]!, { tls: tls() });
    try {
      await client.set("portcheck:tls", "yes");
      expect(await client.get("portcheck:tls")).toBe("yes");
    } finally {
      client.disconnect();
    }
  });

  it("refuses a TLS client without the password", async () => {
    const client = quietClient(`rediss://127.0.0.1:${url().port}`, { tls: tls(), enableReadyCheck: false });
    try {
      expect(await errorOf(client.get("portcheck:tls"))).toMatch(/NOAUTH|WRONGPASS/);
    } finally {
      client.disconnect();
    }
  });

  it("refuses plain redis:// on the TLS port", async () => {
    const client = quietClient(`redis://:${url().password}@127.0.0.1:${url().port}`, {});
    try {
      expect(await errorOf(client.ping())).toBeTruthy();
    } finally {
      client.disconnect();
    }
  });
});

describe("startRedisCluster", () => {
  let redis: RunningRedis;
  let cluster: Cluster;
  beforeAll(async () => {
    redis = await startRedisCluster();
    const port = Number(new URL(redis.urls[0]!).port);
    cluster = new Cluster([{ host: "127.0.0.1", port }], { clusterRetryStrategy: () => null, redisOptions: { connectTimeout: 1_000 } });
    cluster.on("error", () => {});
  });
  afterAll(async () => {
    cluster?.disconnect();
    await redis?.stop();
  });

  it("has three nodes on 127.0.0.1, each with cluster_state:ok", async () => {
    expect(redis.urls).toHaveLength(3);
    for (const url of redis.urls) {
      expect(new URL(url).hostname).toBe("127.0.0.1");
      const node = quietClient(url, {});
      try {
        expect(await node.cluster("INFO")).toMatch(/^cluster_state:ok\r?$/m);
      } finally {
        node.disconnect();
      }
    }
  });

  it("SETs and GETs keys that land on different slots and different masters", async () => {
    const keys = Array.from({ length: 12 }, (_, i) => `portcheck:spread:${i}`);
    for (const key of keys) await cluster.set(key, key.toUpperCase());
    for (const key of keys) expect(await cluster.get(key)).toBe(key.toUpperCase());
    const slots = await Promise.all(keys.map((key) => cluster.cluster("KEYSLOT", key)));
    expect(new Set(slots).size).toBeGreaterThan(1);
    const sizes = await Promise.all(cluster.nodes("master").map((node) => node.dbsize()));
    expect(sizes).toHaveLength(3);
    expect(sizes.every((size) => size > 0)).toBe(true);
  });

  it("keeps {portcheck}:a and {portcheck}:b in one slot", async () => {
    const [a, b] = await Promise.all([cluster.cluster("KEYSLOT", "{portcheck}:a"), cluster.cluster("KEYSLOT", "{portcheck}:b")]);
    expect(a).toBe(b);
    await cluster.mset("{portcheck}:a", "1", "{portcheck}:b", "2");
    expect(await cluster.mget("{portcheck}:a", "{portcheck}:b")).toEqual(["1", "2"]);
  });
});
