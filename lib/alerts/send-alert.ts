// Deliver one alert (the "alerts" queue's job): e-mail or signed webhook, with the outcome logged on the delivery.
// Throws on a failure worth retrying, so BullMQ retries with backoff.
import type { Db } from "../db";
import type { TargetRules } from "../targets/policy";
import type { Resolver } from "../targets/resolve-target";
import { type AlertPayload, alertEmail } from "./alert-payload";
import { deliverWebhook } from "./deliver-webhook";
import { sendMail } from "./mailer";

export class PermanentDeliveryError extends Error {}

export async function sendAlert(db: Db, deliveryId: string, options: { rules: TargetRules; resolver?: Resolver }): Promise<"delivered" | "skipped"> {
  const delivery = await db.alertDelivery.findUnique({
    where: { id: deliveryId },
    select: { id: true, channel: true, target: true, payload: true, status: true, monitor: { select: { webhookSecret: true, webhookUrl: true } } },
  });
  if (!delivery || delivery.status === "delivered") return "skipped";
  const payload = delivery.payload as unknown as AlertPayload;
  const attempt = { attempts: { increment: 1 } };
  if (delivery.channel === "email") {
    try {
      await sendMail({ to: delivery.target, ...alertEmail(payload) });
    } catch (error) {
      await db.alertDelivery.update({ where: { id: deliveryId }, data: { ...attempt, error: (error as Error).message.slice(0, 500) } });
      throw error;
    }
    await db.alertDelivery.update({ where: { id: deliveryId }, data: { ...attempt, status: "delivered", deliveredAt: new Date(), error: null } });
    return "delivered";
  }
  // The webhook URL changed since: its new secret must not sign bodies for the old URL.
  if (delivery.target !== delivery.monitor.webhookUrl || !delivery.monitor.webhookSecret) {
    throw new PermanentDeliveryError("The monitor's webhook URL changed or was removed before this alert could be delivered.");
  }
  const body = JSON.stringify(payload);
  const outcome = await deliverWebhook(delivery.target, body, {
    secret: delivery.monitor.webhookSecret,
    headers: { "portcheck-event": payload.event, "portcheck-delivery": delivery.id },
    rules: options.rules,
    resolver: options.resolver,
  });
  await db.alertDelivery.update({
    where: { id: deliveryId },
    data: { ...attempt, responseStatus: outcome.status, error: outcome.error, ...(outcome.ok ? { status: "delivered", deliveredAt: new Date() } : {}) },
  });
  if (!outcome.ok) {
    // A refused target will be refused again: do not retry it.
    if (outcome.permanent) throw new PermanentDeliveryError(outcome.error ?? "refused");
    throw new Error(outcome.error ?? "webhook delivery failed");
  }
  return "delivered";
}

export async function markDeliveryFailed(db: Db, deliveryId: string, error: string): Promise<void> {
  await db.alertDelivery.updateMany({ where: { id: deliveryId, status: "pending" }, data: { status: "failed", error: error.slice(0, 500) } });
}
