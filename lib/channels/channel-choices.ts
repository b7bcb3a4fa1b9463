// The account's channels as the monitor form lists them: id, name and the kind in words.
import type { Db } from "../db";
import { CHANNEL_FORMS } from "./form-fields";
import type { ChannelKindName } from "../alerts/channels/channel-kind";

export async function channelChoices(db: Db, userId: string): Promise<{ id: string; name: string; kindLabel: string }[]> {
  const rows = await db.notificationChannel.findMany({ where: { userId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true, name: true, kind: true } });
  return rows.map((row) => ({ id: row.id, name: row.name, kindLabel: CHANNEL_FORMS[row.kind as ChannelKindName].label }));
}
