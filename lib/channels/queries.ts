// Reads of notification channels. Ownership is always in the where: another account's channel is not found.
import { deliveryPage } from "../alerts/delivery-log";
import type { Db } from "../db";
import { CHANNEL_SELECT, channelView, notFoundChannel } from "./channel-view";
import type { ChannelView } from "./schemas";

/** Oldest first. */
export async function listChannels(db: Db, userId: string): Promise<ChannelView[]> {
  return (await db.notificationChannel.findMany({ where: { userId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: CHANNEL_SELECT })).map(channelView);
}

export async function getChannel(db: Db, userId: string, id: string): Promise<ChannelView> {
  const row = await db.notificationChannel.findFirst({ where: { id, userId }, select: CHANNEL_SELECT });
  if (!row) throw notFoundChannel();
  return channelView(row);
}

/** The channel's delivery log, newest first (its test messages and the alerts of every monitor it is attached to). */
export async function listChannelDeliveries(db: Db, userId: string, id: string, page: { cursor?: string; limit: number }) {
  const owned = await db.notificationChannel.findFirst({ where: { id, userId }, select: { id: true } });
  if (!owned) throw notFoundChannel();
  return deliveryPage(db, { channelId: id }, page);
}
