// "Send test": one test delivery per configured channel, queued like real alerts and logged the same way.
import type { Db } from "../db";
import { ALERT_CHANNELS_SELECT, createDeliveries } from "../alerts/create-deliveries";
import { ProblemError } from "../problem-error";
import { newId } from "../ids";
import { enqueueAlert, type MonitorQueues } from "../queue/monitor-queues";
import { notFoundMonitor } from "./update-monitor";

export async function sendTestAlert(db: Db, queues: MonitorQueues, userId: string, monitorId: string): Promise<string[]> {
  const ids = await db.$transaction(async (tx) => {
    const monitor = await tx.monitor.findFirst({
      where: { id: monitorId, userId },
      select: { id: true, name: true, host: true, port: true, expect: true, state: true, emailAlerts: true, webhookUrl: true, user: { select: { email: true, emailVerified: true } }, ...ALERT_CHANNELS_SELECT },
    });
    if (!monitor) throw notFoundMonitor();
    const email = monitor.emailAlerts && monitor.user.emailVerified;
    if (!email && !monitor.webhookUrl && monitor.channels.length === 0) {
      const why = monitor.emailAlerts ? "confirm your e-mail address first (see the link we sent you)" : "switch on e-mail alerts, add a webhook URL or attach a channel";
      throw new ProblemError("invalid_request", `This monitor has no alert channel yet: ${why}.`);
    }
    return createDeliveries(tx, monitor, "test", null, `test-${newId()}`);
  });
  for (const id of ids) await enqueueAlert(queues.alerts, id);
  return ids;
}
