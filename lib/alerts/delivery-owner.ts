// The account a delivery belongs to (its monitor's, or for a channel's test message its channel's), for
// the per-account delivery slots.
import type { Db } from "../db";

export async function deliveryOwner(db: Db, deliveryId: string): Promise<string | null> {
  const delivery = await db.alertDelivery.findUnique({ where: { id: deliveryId }, select: { channelId: true, monitor: { select: { userId: true } } } });
  if (!delivery) return null;
  if (delivery.monitor) return delivery.monitor.userId;
  if (!delivery.channelId) return null;
  return (await db.notificationChannel.findUnique({ where: { id: delivery.channelId }, select: { userId: true } }))?.userId ?? null;
}
