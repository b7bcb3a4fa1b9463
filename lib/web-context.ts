// The web process's shared clients: PostgreSQL, the fail-fast Redis connection, the queue, the limiters.
import type { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { type Db, db } from "./db";
import { type Limiters, createLimiters } from "./limits/rate-limits";
import { type Lane, type ProbeJob, probeQueues } from "./queue/probe-queues";
import { createMonitorQueues, type MonitorQueues } from "./queue/monitor-queues";
import { producerRedis } from "./redis";
import { CheckEvents } from "./checks/check-events";
import { env } from "./env";
import type { TargetRules } from "./targets/policy";

export interface WebContext {
  db: Db;
  redis: Redis;
  /** Each region's probe queue. */
  probeQueue: (region: string, lane?: Lane) => Queue<ProbeJob>;
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
    const queueFor = probeQueues(redis);
    const probeQueue = (region: string, lane?: Lane) => {
      const queue = queueFor(region, lane);
      if (queue.listenerCount("error") === 0) queue.on("error", () => {}); // surfaced where calls fail
      return queue;
    };
    const monitorQueues = createMonitorQueues(redis);
    for (const queue of [monitorQueues.monitors, monitorQueues.alerts]) queue.on("error", () => {}); // surfaced where calls fail
    const { TARGET_ALLOWLIST, TARGET_DENYLIST, REDIS_URL, REDIS_PREFIX } = env();
    globalForContext.portcheckWeb = {
      db: db(),
      redis,
      probeQueue,
      monitorQueues,
      limiters: createLimiters(redis),
      rules: { allowlist: TARGET_ALLOWLIST, denylist: TARGET_DENYLIST },
      checkEvents: new CheckEvents(REDIS_URL, REDIS_PREFIX),
    };
  }
  return globalForContext.portcheckWeb;
}
