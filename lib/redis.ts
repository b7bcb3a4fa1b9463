// Redis connections. Producers (the web) fail fast when Redis is down; workers wait for it.
// REDIS_URL may be rediss:// (TLS, with a password in the URL), or, with REDIS_CLUSTER=true, the
// comma-separated seed nodes of a Redis Cluster.
import { readFileSync } from "node:fs";
import { Cluster, Redis, type RedisOptions } from "ioredis";
import { env } from "./env";
import { serviceUnavailable } from "./problem-error";

/**
 * One Redis client: a plain connection, or a Cluster client when REDIS_CLUSTER is set. A Cluster client
 * sends the same commands, so it is typed as Redis for the code that only sends commands (every key
 * Portcheck uses starts with REDIS_PREFIX, which is hash-tagged under a cluster).
 */
export function createRedisClient(options: RedisOptions, config: { url?: string; cluster?: boolean } = {}): Redis {
  const url = config.url ?? env().REDIS_URL;
  const cluster = config.cluster ?? env().REDIS_CLUSTER;
  const seeds = url.split(",").map((item) => item.trim()).filter(Boolean);
  const first = new URL(seeds[0]!);
  const ca = env().REDIS_TLS_CA;
  const tls = first.protocol === "rediss:" ? { tls: ca ? { ca: readFileSync(ca) } : {} } : {};
  if (!cluster) return new Redis(seeds[0]!, { ...options, ...tls });
  const nodes = seeds.map((seed) => {
    const parsed = new URL(seed);
    return { host: parsed.hostname.replace(/^\[|\]$/g, ""), port: Number(parsed.port || 6379) };
  });
  const auth = {
    ...(first.username ? { username: decodeURIComponent(first.username) } : {}),
    ...(first.password ? { password: decodeURIComponent(first.password) } : {}),
    ...tls,
  };
  const { maxRetriesPerRequest, enableOfflineQueue, retryStrategy, ...rest } = options;
  return new Cluster(nodes, {
    redisOptions: { ...rest, ...auth, maxRetriesPerRequest },
    enableOfflineQueue,
    enableReadyCheck: options.enableReadyCheck ?? true,
    clusterRetryStrategy: retryStrategy ? (attempt) => retryStrategy(attempt) : undefined,
    // Slots move: follow MOVED/ASK at once.
    retryDelayOnMoved: 0,
  }) as unknown as Redis;
}

/** For the web process: commands fail at once while Redis is unreachable, so the API can answer 503. */
export function createProducerRedis(url?: string): Redis {
  return createRedisClient(
    {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      commandTimeout: 3000,
      // Keep trying to reconnect in the background, at most every 2 s.
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    },
    { url },
  );
}

/** For BullMQ workers: blocking commands, retried forever while Redis is away (BullMQ's advice). */
export function createWorkerRedis(url?: string): Redis {
  return createRedisClient(
    {
      maxRetriesPerRequest: null,
      enableReadyCheck: false,
      retryStrategy: (attempt) => Math.min(attempt * 500, 5000),
    },
    { url },
  );
}

const globalForRedis = globalThis as unknown as { portcheckRedis?: Redis };

/** The web process's shared connection. */
export function producerRedis(): Redis {
  if (!globalForRedis.portcheckRedis) {
    const client = createProducerRedis();
    // Errors surface where commands fail; without a listener ioredis would print each reconnect attempt.
    client.on("error", () => {});
    globalForRedis.portcheckRedis = client;
  }
  return globalForRedis.portcheckRedis;
}

/** Waits briefly for the connection to be ready; a 503 rather than a hang when Redis is down. */
export async function readyRedis(client: Redis = producerRedis(), timeoutMs = 1500): Promise<Redis> {
  if (client.status === "ready") return client;
  if (client.status === "end" || client.status === "close") client.connect().catch(() => {});
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      client.off("ready", onReady);
      reject(serviceUnavailable("The job queue (Redis) is not reachable. Please try again shortly."));
    }, timeoutMs);
    function onReady() {
      clearTimeout(timer);
      resolve();
    }
    client.once("ready", onReady);
  });
  return client;
}
