// "Send test": one test delivery per configured channel, queued like real alerts and logged the same way.
import type { Db } from "../db";
import { createDeliveries } from "../alerts/create-deliveries";
import { ApiError } from "../http/problem";
import { newId } from "../ids";
import { enqueueAlert, type MonitorQueues } from "../queue/monitor-queues";
import { notFoundMonitor } from "./update-monitor";

export async function sendTestAlert(db: Db, queues: MonitorQueues, userId: string, monitorId: string): Promise<string[]> {
  const ids = await db.$transaction(async (tx) => {
    const monitor = await tx.monitor.findFirst({
      where: { id: monitorId, userId },
      select: { id: true, name: true, host: true, port: true, expect: true, state: true, emailAlerts: true, webhookUrl: true, user: { select: { email: true } } },
    });
    if (!monitor) throw notFoundMonitor();
    if (!monitor.emailAlerts && !monitor.webhookUrl) throw new ApiError(400, "invalid_request", "This monitor has no alert channel: switch on e-mail alerts or add a webhook URL.");
    return createDeliveries(tx, monitor, "test", null, `test-${newId()}`);
  });
  for (const id of ids) await enqueueAlert(queues.alerts, id);
  return ids;
}
