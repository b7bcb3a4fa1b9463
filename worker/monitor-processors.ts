// BullMQ processors of the monitors feature: scheduled runs, alert deliveries, maintenance.
import { DelayedError, type Job, type Queue, UnrecoverableError } from "bullmq";
import type { Redis } from "ioredis";
import { releaseSlot, takeSlot } from "../lib/alerts/account-slots";
import { deliveryOwner } from "../lib/alerts/delivery-owner";
import { PermanentDeliveryError, sendAlert } from "../lib/alerts/send-alert";
import { failStaleRuns } from "../lib/checks/fail-stale-runs";
import type { Db } from "../lib/db";
import { type DispatchDeps, dispatchMonitorRun } from "../lib/monitors/run-monitor";
import type { Resolver } from "../lib/targets/resolve-target";
import type { TargetRules } from "../lib/targets/policy";
import { pruneOldResults, requeuePendingDeliveries, syncSchedulers } from "../lib/monitors/sync-schedulers";
import {
  type AlertJob,
  alertJobSchema,
  enqueueAlert,
  type MaintenanceJob,
  type MonitorJob,
  monitorJobSchema,
  type MonitorQueues,
  scheduledTime,
  scheduleOffsetMs,
  unscheduleMonitor,
} from "../lib/queue/monitor-queues";

/** The scheduler's job: hand the run to the monitor's live regions. */
export function createMonitorProcessor(deps: DispatchDeps & { queues: MonitorQueues }) {
  return async (job: Job<MonitorJob>) => {
    const data = monitorJobSchema.safeParse(job.data);
    if (!data.success) throw new UnrecoverableError("malformed job payload");
    const { monitorId } = data.data;
    const outcome = await dispatchMonitorRun(monitorId, scheduledTime(job), deps);
    // A monitor deleted or paused while its scheduler lived on: stop scheduling it.
    if (outcome.kind === "missing" || outcome.kind === "paused") await unscheduleMonitor(deps.queues.monitors, monitorId);
    return outcome.kind;
  };
}

export async function enqueueAlerts(queues: MonitorQueues, deliveryIds: readonly string[]): Promise<void> {
  for (const id of deliveryIds) await enqueueAlert(queues.alerts, id);
}

/** A delivery waiting for one of its account's slots comes back after this, without spending an attempt. */
const SLOT_WAIT_MS = 1000;

export function createAlertProcessor(deps: { db: Db; rules: TargetRules; resolver?: Resolver; redis: Redis; prefix: string }) {
  return async (job: Job<AlertJob>, token?: string) => {
    const data = alertJobSchema.safeParse(job.data);
    if (!data.success) throw new UnrecoverableError("malformed job payload");
    const { deliveryId } = data.data;
    const account = await deliveryOwner(deps.db, deliveryId);
    if (!account) return "skipped";
    if (!(await takeSlot(deps.redis, deps.prefix, account, deliveryId))) {
      await job.moveToDelayed(Date.now() + SLOT_WAIT_MS, token);
      throw new DelayedError();
    }
    try {
      return await sendAlert(deps.db, deliveryId, deps);
    } catch (error) {
      if (error instanceof PermanentDeliveryError) throw new UnrecoverableError(error.message);
      throw error;
    } finally {
      await releaseSlot(deps.redis, deps.prefix, account, deliveryId);
    }
  };
}

export const MAINTENANCE_SCHEDULES = {
  "sync-schedulers": 5 * 60_000,
  "prune-results": 60 * 60_000,
} as const;

export async function scheduleMaintenance(queue: Queue<MaintenanceJob>): Promise<void> {
  for (const [name, every] of Object.entries(MAINTENANCE_SCHEDULES)) {
    // At an offset, not "now": the worker's own start-up sync already ran, and a second one at once would double the work.
    await queue.upsertJobScheduler(name, { every, offset: scheduleOffsetMs(name, every) }, { name, data: {}, opts: { removeOnComplete: { count: 100 }, removeOnFail: { count: 100 } } });
  }
}

export function createMaintenanceProcessor(deps: { db: Db; queues: MonitorQueues; retentionDays: number }) {
  return async (job: Job<MaintenanceJob>) => {
    if (job.name === "sync-schedulers") {
      const synced = await syncSchedulers(deps.db, deps.queues.monitors);
      const staleChecksEnded = (await failStaleRuns(deps.db)).length;
      return { ...synced, requeuedDeliveries: await requeuePendingDeliveries(deps.db, deps.queues.alerts, 60_000), staleChecksEnded };
    }
    if (job.name === "prune-results") return pruneOldResults(deps.db, deps.retentionDays);
    throw new UnrecoverableError(`unknown maintenance job ${job.name}`);
  };
}
