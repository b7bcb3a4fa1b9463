// Create a monitor for the signed-in user: validate, apply the quota, store, schedule.
import { newWebhookSecret } from "../alerts/webhook-signature";
import type { Db } from "../db";
import { env } from "../env";
import { ProblemError } from "../problem-error";
import { newId } from "../ids";
import { type MonitorQueues, scheduleMonitor } from "../queue/monitor-queues";
import { normaliseHostOrThrow } from "../targets/check-literal";
import type { TargetRules } from "../targets/policy";
import { monitorData } from "./monitor-data";
import type { CreateMonitorInput } from "./schemas";
import { MONITOR_SELECT, type MonitorView, monitorView } from "./views";

export async function createMonitor(
  { db, monitorQueues: queues, rules }: { db: Db; monitorQueues: MonitorQueues; rules: TargetRules },
  userId: string,
  input: CreateMonitorInput,
): Promise<{ monitor: MonitorView; webhookSecret: string | null }> {
  const host = normaliseHostOrThrow(input.host, rules);
  const quota = env().MAX_MONITORS_PER_USER;
  const id = newId();
  const webhookSecret = input.webhookUrl ? newWebhookSecret() : null;
  // The count and the insert are serialised per user, so two requests cannot both take the last slot.
  const row = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`monitors:${userId}`}))`;
    if ((await tx.monitor.count({ where: { userId } })) >= quota) {
      throw new ProblemError("quota_exceeded", `An account can have at most ${quota} monitors. Delete one to add another.`);
    }
    return tx.monitor.create({
      data: { ...monitorData(input), id, userId, host: host.value, webhookSecret, state: input.paused ? "paused" : "pending" },
      select: MONITOR_SELECT,
    });
  });
  if (!row.paused) {
    try {
      await scheduleMonitor(queues.monitors, row);
    } catch (error) {
      await db.monitor.delete({ where: { id } }).catch(() => {});
      throw error;
    }
  }
  return { monitor: monitorView(row), webhookSecret };
}
