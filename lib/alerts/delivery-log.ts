// The delivery log, newest first, a page at a time: a monitor's, or a notification channel's. The caller
// has checked that the monitor or channel is the account's.
import type { Db } from "../db";

export const DELIVERY_SELECT = { id: true, monitorId: true, channelId: true, channel: true, event: true, target: true, status: true, attempts: true, responseStatus: true, error: true, createdAt: true, deliveredAt: true } as const;

type DeliveryRow = { createdAt: Date; deliveredAt: Date | null };

export function deliveryView<T extends DeliveryRow>(row: T): Omit<T, "createdAt" | "deliveredAt"> & { createdAt: string; deliveredAt: string | null } {
  return { ...row, createdAt: row.createdAt.toISOString(), deliveredAt: row.deliveredAt?.toISOString() ?? null };
}

export async function deliveryPage(db: Db, where: { monitorId: string } | { channelId: string }, page: { cursor?: string; limit: number }) {
  const rows = await db.alertDelivery.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: page.limit + 1,
    ...(page.cursor ? { cursor: { id: page.cursor }, skip: 1 } : {}),
    select: DELIVERY_SELECT,
  });
  const items = rows.slice(0, page.limit);
  return {
    nextCursor: rows.length > page.limit ? items.at(-1)!.id : null,
    items: items.map(deliveryView),
  };
}
