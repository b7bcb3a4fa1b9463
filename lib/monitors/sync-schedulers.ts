// PostgreSQL is the source of truth for schedules: make Redis match it (at worker start, and every
// few minutes), so a Redis flush or restart loses no monitor and a deleted monitor leaves no scheduler.
import type { Queue } from "bullmq";
import type { Db } from "../db";
import { type AlertJob, enqueueAlert, type MonitorJob, scheduleMonitor, scheduleOffsetMs, schedulerId } from "../queue/monitor-queues";

export async function syncSchedulers(db: Db, monitors: Queue<MonitorJob>): Promise<{ scheduled: number; removed: number }> {
  // Redis first, then the database: a monitor created in between is then wanted, never removed.
  const existing = new Map<string, string>();
  for (let start = 0; ; start += 500) {
    const page = await monitors.getJobSchedulers(start, start + 499, true);
    for (const scheduler of page) existing.set(scheduler.key, `${scheduler.every ?? ""}+${scheduler.offset ?? ""}`);
    if (page.length < 500) break;
  }
  const active = await db.monitor.findMany({ where: { paused: false }, select: { id: true, intervalSeconds: true } });
  const wanted = new Map(active.map((monitor) => [schedulerId(monitor.id), monitor]));
  let scheduled = 0;
  for (const [key, monitor] of wanted) {
    // Same interval and offset: nothing to do. Schedulers from before offsets existed are moved to theirs.
    const every = monitor.intervalSeconds * 1000;
    if (existing.get(key) === `${every}+${scheduleOffsetMs(monitor.id, every)}`) continue;
    await scheduleMonitor(monitors, monitor);
    scheduled++;
  }
  let removed = 0;
  for (const key of existing.keys()) {
    if (wanted.has(key) || !key.startsWith("monitor-")) continue;
    await monitors.removeJobScheduler(key);
    removed++;
  }
  return { scheduled, removed };
}

/**
 * Alerts recorded but never queued (Redis away, or a worker killed between commit and enqueue) are
 * queued again. Idempotent: the job id is the delivery id.
 */
export async function requeuePendingDeliveries(db: Db, alerts: Queue<AlertJob>, olderThanMs = 0): Promise<number> {
  const pending = await db.alertDelivery.findMany({
    where: { status: "pending", createdAt: { gte: new Date(Date.now() - 24 * 3600_000), lte: new Date(Date.now() - olderThanMs) } },
    select: { id: true },
    take: 10_000,
  });
  for (const { id } of pending) await enqueueAlert(alerts, id);
  return pending.length;
}

/** Deletes raw results (and delivery logs) older than the retention. Uptime comes from incidents and is unaffected. */
export async function pruneOldResults(db: Db, retentionDays: number): Promise<{ results: number; deliveries: number }> {
  const before = new Date(Date.now() - retentionDays * 24 * 3600_000);
  const results = await db.monitorResult.deleteMany({ where: { checkedAt: { lt: before } } });
  const deliveries = await db.alertDelivery.deleteMany({ where: { createdAt: { lt: before } } });
  return { results: results.count, deliveries: deliveries.count };
}
