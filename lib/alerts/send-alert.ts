// Deliver one alert (the "alerts" queue's job): the monitor's own e-mail or signed webhook, or one of its
// notification channels, with the outcome logged on the delivery. Throws on a failure worth retrying,
// so BullMQ retries with backoff.
import type { Db } from "../db";
import { deliverToChannel } from "./channels/deliver-to-channel";
import type { TargetRules } from "../targets/policy";
import type { Resolver } from "../targets/resolve-target";
import { alertEmail } from "./alert-email";
import type { AlertPayload } from "./alert-payload";
import { deliverWebhook } from "./deliver-webhook";
import { sendMail } from "./mailer";
import type { DeliveryOutcome } from "./post-http";

export class PermanentDeliveryError extends Error {}

type Options = { rules: TargetRules; resolver?: Resolver };

export async function sendAlert(db: Db, deliveryId: string, options: Options): Promise<"delivered" | "skipped"> {
  const delivery = await db.alertDelivery.findUnique({
    where: { id: deliveryId },
    select: { id: true, channel: true, channelId: true, target: true, payload: true, status: true, monitor: { select: { webhookSecret: true, webhookUrl: true, user: { select: { timeZone: true } } } } },
  });
  if (!delivery || delivery.status === "delivered") return "skipped";
  const payload = delivery.payload as unknown as AlertPayload;
  const outcome = await attempt(db, delivery, payload, options);
  await db.alertDelivery.update({
    where: { id: deliveryId },
    data: { attempts: { increment: 1 }, responseStatus: outcome.status, error: outcome.error?.slice(0, 500) ?? null, ...(outcome.ok ? { status: "delivered", deliveredAt: new Date() } : {}) },
  });
  if (!outcome.ok) {
    // A refused target will be refused again: do not retry it.
    if (outcome.permanent) throw new PermanentDeliveryError(outcome.error ?? "refused");
    throw new Error(outcome.error ?? "delivery failed");
  }
  return "delivered";
}

async function attempt(
  db: Db,
  delivery: { id: string; channel: string; channelId: string | null; target: string; monitor: { webhookSecret: string | null; webhookUrl: string | null; user: { timeZone: string } } | null },
  payload: AlertPayload,
  options: Options,
): Promise<DeliveryOutcome> {
  if (delivery.channelId) {
    const channel = await db.notificationChannel.findUnique({ where: { id: delivery.channelId }, select: { kind: true, config: true, user: { select: { timeZone: true } } } });
    if (!channel) return { ok: false, status: null, error: "The channel was deleted before this alert could be delivered.", permanent: true };
    return deliverToChannel(channel, payload, options);
  }
  if (delivery.channel === "email") {
    try {
      await sendMail({ to: delivery.target, ...alertEmail(payload, delivery.monitor?.user.timeZone) });
      return { ok: true, status: null, error: null };
    } catch (error) {
      return { ok: false, status: null, error: (error as Error).message };
    }
  }
  // The webhook URL changed since: its new secret must not sign bodies for the old URL.
  if (!delivery.monitor || delivery.target !== delivery.monitor.webhookUrl || !delivery.monitor.webhookSecret) {
    return { ok: false, status: null, error: "The monitor's webhook URL changed or was removed before this alert could be delivered.", permanent: true };
  }
  return deliverWebhook(delivery.target, JSON.stringify(payload), {
    secret: delivery.monitor.webhookSecret,
    headers: { "portcheck-event": payload.event, "portcheck-delivery": delivery.id },
    rules: options.rules,
    resolver: options.resolver,
  });
}

export async function markDeliveryFailed(db: Db, deliveryId: string, error: string): Promise<void> {
  await db.alertDelivery.updateMany({ where: { id: deliveryId, status: "pending" }, data: { status: "failed", error: error.slice(0, 500) } });
}
