// Delete a channel: it is detached from every monitor; its delivery log lines stay with their monitors.
import type { Db } from "../db";
import { notFoundChannel } from "./channel-view";

export async function deleteChannel(db: Db, userId: string, id: string): Promise<void> {
  const deleted = await db.notificationChannel.deleteMany({ where: { id, userId } });
  if (deleted.count === 0) throw notFoundChannel();
}
