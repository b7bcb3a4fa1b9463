// Redis connections. Producers (the web) fail fast when Redis is down; workers wait for it.
import { Redis } from "ioredis";
import { env } from "./env";
import { serviceUnavailable } from "./problem-error";

/** For the web process: commands fail at once while Redis is unreachable, so the API can answer 503. */
export function createProducerRedis(url: string = env().REDIS_URL): Redis {
  return new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    commandTimeout: 3000,
    // Keep trying to reconnect in the background, at most every 2 s.
    retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
  });
}

/** For BullMQ workers: blocking commands, retried forever while Redis is away (BullMQ's advice). */
export function createWorkerRedis(url: string = env().REDIS_URL): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: null,
    enableReadyCheck: false,
    retryStrategy: (attempt) => Math.min(attempt * 500, 5000),
  });
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
