// The web process's shared clients: PostgreSQL, the fail-fast Redis connection, the queue, the limiters.
import type { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { type Db, db } from "./db";
import { type Limiters, createLimiters } from "./limits/rate-limits";
import { type CheckJob, createChecksQueue } from "./queue/checks-queue";
import { createMonitorQueues, type MonitorQueues } from "./queue/monitor-queues";
import { producerRedis } from "./redis";
import { CheckEvents } from "./checks/check-events";
import { env } from "./env";
import type { TargetRules } from "./targets/policy";

export interface WebContext {
  db: Db;
  redis: Redis;
  checksQueue: Queue<CheckJob>;
  monitorQueues: MonitorQueues;
  limiters: Limiters;
  /** The target policy of this deployment (TARGET_ALLOWLIST, TARGET_DENYLIST). */
  rules: TargetRules;
  /** Wakes requests waiting on a check when the worker says something changed. */
  checkEvents: CheckEvents;
}

const globalForContext = globalThis as unknown as { portcheckWeb?: WebContext };

export function webContext(): WebContext {
  if (!globalForContext.portcheckWeb) {
    const redis = producerRedis();
    const checksQueue = createChecksQueue(redis);
    const monitorQueues = createMonitorQueues(redis);
    for (const queue of [checksQueue, monitorQueues.monitors, monitorQueues.alerts]) queue.on("error", () => {}); // surfaced where calls fail
    const { TARGET_ALLOWLIST, TARGET_DENYLIST, REDIS_URL, REDIS_PREFIX } = env();
    globalForContext.portcheckWeb = {
      db: db(),
      redis,
      checksQueue,
      monitorQueues,
      limiters: createLimiters(redis),
      rules: { allowlist: TARGET_ALLOWLIST, denylist: TARGET_DENYLIST },
      checkEvents: new CheckEvents(REDIS_URL, REDIS_PREFIX),
    };
  }
  return globalForContext.portcheckWeb;
}
