// Create monitors for an account: judge each host, apply the quota to all of them at once, store them in
// one transaction, schedule them. One monitor (POST /api/v1/monitors) or many (the import): all or nothing.
import { newWebhookSecret } from "../alerts/webhook-signature";
import { assertOwnChannels, setMonitorChannels } from "../channels/attach-channels";
import type { Db } from "../db";
import { env } from "../env";
import { ProblemError } from "../problem-error";
import { newId } from "../ids";
import { type MonitorQueues, scheduleMonitor } from "../queue/monitor-queues";
import { normaliseHostOrThrow } from "../targets/check-literal";
import { assertKnownRegions } from "../regions/choose-regions";
import type { Redis } from "ioredis";
import type { TargetRules } from "../targets/policy";
import { monitorData } from "./monitor-data";
import type { CreateMonitorInput } from "./schemas";
import { MONITOR_SELECT, type MonitorView, monitorView } from "./views";

type Context = { db: Db; monitorQueues: MonitorQueues; rules: TargetRules; redis?: Redis };

export interface CreatedMonitor {
  monitor: MonitorView;
  /** The webhook signing secret, shown once; null without a webhook URL. */
  webhookSecret: string | null;
}

export async function createMonitor(context: Context, userId: string, input: CreateMonitorInput): Promise<CreatedMonitor> {
  return (await createMonitors(context, userId, [input]))[0]!;
}

/** Hosts must already have been judged by the caller when `hosts` is given (the import reports each row). */
export async function createMonitors(context: Context, userId: string, inputs: readonly CreateMonitorInput[], hosts?: readonly string[]): Promise<CreatedMonitor[]> {
  const { db, monitorQueues: queues, rules } = context;
  const judged = hosts ?? inputs.map((input) => normaliseHostOrThrow(input.host, rules).value);
  const { MAX_MONITORS_PER_USER, MAX_MONITORS_UNVERIFIED, DEFAULT_REGIONS, REDIS_PREFIX } = env();
  // Until its address is confirmed, an account holds only a few monitors: sign-ups are free, probes are not.
  const owner = await db.user.findUnique({ where: { id: userId }, select: { emailVerified: true } });
  const unverified = !owner?.emailVerified && MAX_MONITORS_UNVERIFIED < MAX_MONITORS_PER_USER;
  const quota = unverified ? MAX_MONITORS_UNVERIFIED : MAX_MONITORS_PER_USER;
  const named = [...new Set(inputs.flatMap((input) => input.regions ?? []))];
  if (context.redis && named.length) await assertKnownRegions(context.redis, REDIS_PREFIX, DEFAULT_REGIONS, named);
  const wanted = [...new Set(inputs.flatMap((input) => input.channelIds ?? []))];
  await assertOwnChannels(db, userId, wanted);
  const prepared = inputs.map((input, index) => ({ input, id: newId(), host: judged[index]!, webhookSecret: input.webhookUrl ? newWebhookSecret() : null }));
  // The count and the inserts are serialised per user, so two requests cannot both take the last slots.
  const rows = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`monitors:${userId}`}))`;
    const existing = await tx.monitor.count({ where: { userId } });
    if (existing + prepared.length > quota) {
      const room = Math.max(0, quota - existing);
      const why = unverified
        ? `Until you confirm your e-mail address, an account can have ${quota} monitors; yours has room for ${room} more. Follow the link we sent you to add up to ${MAX_MONITORS_PER_USER}.`
        : `An account can have at most ${quota} monitors; yours has room for ${room} more. Delete some to add ${prepared.length === 1 ? "another" : "these"}.`;
      throw new ProblemError("quota_exceeded", why);
    }
    // A millisecond apart, so that lists (oldest first) keep the order of the import.
    const now = Date.now();
    await tx.monitor.createMany({
      data: prepared.map(({ input, id, host, webhookSecret }, index) => ({
        ...monitorData(input),
        regions: input.regions ?? DEFAULT_REGIONS,
        id,
        userId,
        host,
        webhookSecret,
        state: input.paused ? "paused" : "pending",
        createdAt: new Date(now + index),
      })),
    });
    for (const { input, id } of prepared) if (input.channelIds?.length) await setMonitorChannels(tx, [id], input.channelIds);
    return tx.monitor.findMany({ where: { id: { in: prepared.map((item) => item.id) } }, select: MONITOR_SELECT });
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  try {
    for (const row of rows) if (!row.paused) await scheduleMonitor(queues.monitors, row, { runNow: true });
  } catch (error) {
    // Nothing was promised yet: take every monitor of this request back rather than leave some unscheduled.
    await db.monitor.deleteMany({ where: { id: { in: prepared.map((item) => item.id) } } }).catch(() => {});
    throw error;
  }
  return prepared.map(({ id, webhookSecret }) => ({ monitor: monitorView(byId.get(id)!), webhookSecret }));
}
