// "Send test": one test message to a channel now, while the caller waits, logged like every delivery and
// bound by the same deadline and the account's delivery slots. One attempt: the answer is its outcome
// (real alerts go through the queue and are retried with backoff).
import type { Redis } from "ioredis";
import { releaseSlot, takeSlot } from "../alerts/account-slots";
import type { AlertPayload } from "../alerts/alert-payload";
import { channelKind } from "../alerts/channels/registry";
import { DELIVERY_SELECT, deliveryView } from "../alerts/delivery-log";
import { markDeliveryFailed, sendAlert } from "../alerts/send-alert";
import type { AlertChannel } from "../generated/prisma/client";
import { env } from "../env";
import { newId } from "../ids";
import { createResolver } from "../targets/dns-resolver";
import { notFoundChannel } from "./channel-view";
import { type ChannelContext, judgeChannel, parseConfig } from "./judge-channel";

const SLOT_WAIT_MS = 250;
const SLOT_TRIES = 40;

export async function testChannel(context: ChannelContext & { redis: Redis }, userId: string, id: string) {
  const { db } = context;
  const channel = await db.notificationChannel.findFirst({ where: { id, userId }, select: { id: true, kind: true, name: true, config: true } });
  if (!channel) throw notFoundChannel();
  const kind = channelKind(channel.kind);
  const config = parseConfig(kind, channel.config);
  // The address may have changed since the channel was saved: e-mail only ever goes to the account's own.
  if (kind.kind === "email") await judgeChannel(context, userId, kind, config);
  const deliveryId = `test-${newId()}-ch-${channel.id}`;
  const payload: AlertPayload = {
    id: deliveryId,
    event: "test",
    occurredAt: new Date().toISOString(),
    monitor: { id: "test", name: channel.name, host: "example.com", port: 443, expect: "open", state: "up", stateLabel: "UP", url: `${env().APP_URL}/channels` },
    incident: null,
  };
  await db.alertDelivery.create({ data: { id: deliveryId, monitorId: null, channelId: channel.id, channel: channel.kind as AlertChannel, event: "test", target: kind.describe(config), payload: payload as object } });
  const prefix = env().REDIS_PREFIX;
  let slot = false;
  for (let tries = 0; tries < SLOT_TRIES && !(slot = await takeSlot(context.redis, prefix, userId, deliveryId)); tries++) await new Promise((resolve) => setTimeout(resolve, SLOT_WAIT_MS));
  if (!slot) {
    await markDeliveryFailed(db, deliveryId, "Your account's other alerts are being delivered right now: try again in a moment.");
  } else {
    try {
      const resolver = context.resolver ?? createResolver({ servers: env().DNS_SERVERS, timeoutMs: env().DNS_TIMEOUT_MS });
      await sendAlert(db, deliveryId, { rules: context.rules, resolver });
    } catch (error) {
      await markDeliveryFailed(db, deliveryId, (error as Error).message);
    } finally {
      await releaseSlot(context.redis, prefix, userId, deliveryId);
    }
  }
  return deliveryView(await db.alertDelivery.findUniqueOrThrow({ where: { id: deliveryId }, select: DELIVERY_SELECT }));
}
