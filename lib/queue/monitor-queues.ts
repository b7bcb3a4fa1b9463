// Queues of the monitors feature: scheduled runs (one job scheduler per active monitor), alert
// deliveries, and maintenance (pruning, scheduler re-sync). Jobs carry ids; PostgreSQL has the data.
import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { z } from "zod";
import { env } from "../env";

export const MONITORS_QUEUE = "monitors";
export const ALERTS_QUEUE = "alerts";
export const MAINTENANCE_QUEUE = "maintenance";

export const monitorJobSchema = z.object({ monitorId: z.string().min(1).max(64) });
export type MonitorJob = z.infer<typeof monitorJobSchema>;
export const alertJobSchema = z.object({ deliveryId: z.string().min(1).max(200) });
export type AlertJob = z.infer<typeof alertJobSchema>;
export type MaintenanceJob = Record<string, never>;

export interface MonitorQueues {
  monitors: Queue<MonitorJob>;
  alerts: Queue<AlertJob>;
}

export function createMonitorQueues(connection: Redis): MonitorQueues {
  const prefix = env().REDIS_PREFIX;
  return {
    monitors: new Queue<MonitorJob>(MONITORS_QUEUE, { connection, prefix }),
    alerts: new Queue<AlertJob>(ALERTS_QUEUE, { connection, prefix }),
  };
}

export function schedulerId(monitorId: string): string {
  return `monitor-${monitorId}`;
}

/** The time a scheduler meant a run for: the suffix of its job id ("repeat:<scheduler>:<millis>"). */
export function scheduledTime(job: { id?: string; timestamp: number; opts: { delay?: number } }): Date {
  const millis = Number(job.id?.split(":").at(-1));
  return new Date(Number.isFinite(millis) && millis > 0 ? millis : job.timestamp + (job.opts.delay ?? 0));
}

const MONITOR_JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: "exponential", delay: 1000 },
  removeOnComplete: { age: 3600, count: 1000 },
  removeOnFail: { age: 24 * 3600, count: 1000 },
} as const;

/**
 * Where in its interval a monitor runs: a stable offset from its id (FNV-1a), so that schedulers rebuilt
 * together (a worker start, a Redis flush, a bulk import) still spread evenly over the interval instead
 * of all firing in the same second. Never 0, which BullMQ reads as "no offset".
 */
export function scheduleOffsetMs(monitorId: string, everyMs: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < monitorId.length; i++) hash = Math.imul(hash ^ monitorId.charCodeAt(i), 0x01000193) >>> 0;
  return 1 + (hash % Math.max(1, everyMs - 1));
}

/**
 * Creates or updates the monitor's job scheduler (idempotent), at its stable offset in the interval.
 * With `runNow` (a monitor just added or changed) one run is also queued at once, so its first verdict
 * does not wait for its slot.
 */
export async function scheduleMonitor(queue: Queue<MonitorJob>, monitor: { id: string; intervalSeconds: number }, { runNow = false } = {}): Promise<void> {
  const every = monitor.intervalSeconds * 1000;
  await queue.upsertJobScheduler(schedulerId(monitor.id), { every, offset: scheduleOffsetMs(monitor.id, every) }, { name: "run", data: { monitorId: monitor.id }, opts: MONITOR_JOB_OPTIONS });
  if (runNow) await queue.add("run", { monitorId: monitor.id }, { ...MONITOR_JOB_OPTIONS, jobId: `monitor-now-${monitor.id}-${Date.now()}` });
}

export async function unscheduleMonitor(queue: Queue<MonitorJob>, monitorId: string): Promise<void> {
  await queue.removeJobScheduler(schedulerId(monitorId));
}

export const ALERT_JOB_OPTIONS = {
  attempts: 8,
  backoff: { type: "exponential", delay: 5000 },
  removeOnComplete: { age: 24 * 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;

export async function enqueueAlert(queue: Queue<AlertJob>, deliveryId: string): Promise<void> {
  await queue.add("deliver", { deliveryId }, { ...ALERT_JOB_OPTIONS, jobId: deliveryId });
}
