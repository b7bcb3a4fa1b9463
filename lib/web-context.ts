// The web process's shared clients: PostgreSQL, the fail-fast Redis connection, the queue, the limiters.
import type { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { type Db, db } from "./db";
import { type Limiters, createLimiters } from "./limits/rate-limits";
import { type CheckJob, createChecksQueue } from "./queue/checks-queue";
import { producerRedis } from "./redis";

export interface WebContext {
  db: Db;
  redis: Redis;
  checksQueue: Queue<CheckJob>;
  limiters: Limiters;
}

const globalForContext = globalThis as unknown as { portcheckWeb?: WebContext };

export function webContext(): WebContext {
  if (!globalForContext.portcheckWeb) {
    const redis = producerRedis();
    const checksQueue = createChecksQueue(redis);
    checksQueue.on("error", () => {}); // surfaced where add() fails
    globalForContext.portcheckWeb = { db: db(), redis, checksQueue, limiters: createLimiters(redis) };
  }
  return globalForContext.portcheckWeb;
}
