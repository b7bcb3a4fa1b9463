// Replace a monitor's webhook signing secret. Ownership is in the where: another account's monitor is 404.
import { newWebhookSecret } from "../alerts/webhook-signature";
import type { Db } from "../db";
import { ProblemError } from "../problem-error";
import { notFoundMonitor } from "./update-monitor";

export async function rotateWebhookSecret(db: Db, userId: string, id: string): Promise<string> {
  const monitor = await db.monitor.findFirst({ where: { id, userId }, select: { webhookUrl: true } });
  if (!monitor) throw notFoundMonitor();
  if (!monitor.webhookUrl) {
    throw new ProblemError("invalid_request", "This monitor has no webhook URL, so it has no secret to replace. Set a webhook URL first.");
  }
  const secret = newWebhookSecret();
  await db.monitor.updateMany({ where: { id, userId }, data: { webhookSecret: secret } });
  return secret;
}
