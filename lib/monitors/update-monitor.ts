// Change, pause, resume or delete a monitor. Ownership is in every where: another account's is 404.
import { newWebhookSecret } from "../alerts/webhook-signature";
import { assertOwnChannels, setMonitorChannels } from "../channels/attach-channels";
import type { Db } from "../db";
import { ProblemError } from "../problem-error";
import { logger } from "../logger";
import { type MonitorQueues, scheduleMonitor, unscheduleMonitor } from "../queue/monitor-queues";
import { normaliseHostOrThrow } from "../targets/check-literal";
import { assertKnownRegions } from "../regions/choose-regions";
import { env } from "../env";
import type { Redis } from "ioredis";
import type { TargetRules } from "../targets/policy";
import { getMonitor, NOT_FOUND_MESSAGE } from "./queries";
import { monitorData } from "./monitor-data";
import type { UpdateMonitorInput } from "./schemas";
import type { MonitorView } from "./views";

export const notFoundMonitor = () => new ProblemError("not_found", NOT_FOUND_MESSAGE);

export async function updateMonitor(
  { db, monitorQueues: queues, rules, redis }: { db: Db; monitorQueues: MonitorQueues; rules: TargetRules; redis?: Redis },
  userId: string,
  id: string,
  input: UpdateMonitorInput,
): Promise<{ monitor: MonitorView; webhookSecret: string | null }> {
  const current = await db.monitor.findFirst({ where: { id, userId }, select: { paused: true, webhookUrl: true, host: true, port: true, expect: true, protocol: true, family: true } });
  if (!current) throw notFoundMonitor();
  if (redis && input.regions) await assertKnownRegions(redis, env().REDIS_PREFIX, env().DEFAULT_REGIONS, input.regions);
  if (input.quorum !== undefined && input.quorum !== null && input.regions === undefined) {
    const { regions } = (await db.monitor.findFirst({ where: { id, userId }, select: { regions: true } })) ?? { regions: [] };
    if (input.quorum > regions.length) throw new ProblemError("invalid_request", `quorum is at most the number of regions (${regions.length})`, { errors: [{ path: "quorum", message: `quorum is at most the number of regions (${regions.length})` }] });
  }
  if (input.channelIds) await assertOwnChannels(db, userId, input.channelIds);
  const data: Record<string, unknown> = monitorData(input);
  if (input.host !== undefined) data.host = normaliseHostOrThrow(input.host, rules).value;
  // A new webhook URL gets a new secret, shown once.
  let webhookSecret: string | null = null;
  if (input.webhookUrl !== undefined && input.webhookUrl !== current.webhookUrl) {
    webhookSecret = input.webhookUrl ? newWebhookSecret() : null;
    data.webhookSecret = webhookSecret;
  }
  const targetChanged = ["host", "port", "expect", "protocol", "family"].some((key) => input[key as keyof UpdateMonitorInput] !== undefined && data[key] !== current[key as keyof typeof current]);
  const pausedAfter = input.paused ?? current.paused;
  if (pausedAfter && !current.paused) Object.assign(data, { state: "paused", streakState: null, streakCount: 0, stateChangedAt: new Date() });
  else if (!pausedAfter && (current.paused || targetChanged)) Object.assign(data, { state: "pending", streakState: null, streakCount: 0, stateChangedAt: new Date() });
  else if (pausedAfter && targetChanged) Object.assign(data, { streakState: null, streakCount: 0 });

  const updated = await db.$transaction(async (tx) => {
    const changed = await tx.monitor.updateMany({ where: { id, userId }, data });
    if (changed.count && input.channelIds) await setMonitorChannels(tx, [id], input.channelIds);
    // A new target or question: every region starts over.
    if (changed.count && (targetChanged || data.state)) await tx.monitorRegion.deleteMany({ where: { monitorId: id } });
    // Pausing or retargeting ends the open state period: uptime counts only known states.
    if (data.state) await tx.incident.updateMany({ where: { monitorId: id, endedAt: null }, data: { endedAt: new Date() } });
    return changed.count;
  });
  if (updated === 0) throw notFoundMonitor();
  const monitor = await getMonitor(db, userId, id);
  if (!monitor) throw notFoundMonitor();
  await syncSchedule(queues, monitor);
  return { monitor, webhookSecret };
}

export async function deleteMonitor({ db, monitorQueues: queues }: { db: Db; monitorQueues: MonitorQueues }, userId: string, id: string): Promise<void> {
  const deleted = await db.monitor.deleteMany({ where: { id, userId } });
  if (deleted.count === 0) throw notFoundMonitor();
  await syncSchedule(queues, { id, paused: true, intervalSeconds: 0 });
}

/**
 * The change is committed: if Redis is away now, the worker's schedule sync (every 5 minutes) repairs
 * the scheduler, so this is best effort rather than a 503 for a change that did happen.
 */
async function syncSchedule(queues: MonitorQueues, monitor: { id: string; paused: boolean; intervalSeconds: number }): Promise<void> {
  try {
    if (monitor.paused) await unscheduleMonitor(queues.monitors, monitor.id);
    else await scheduleMonitor(queues.monitors, monitor, { runNow: true });
  } catch (error) {
    logger.warn({ monitorId: monitor.id, err: (error as Error).message }, "scheduler not updated; the periodic sync will repair it");
  }
}
