// Attach notification channels to a monitor: only the account's own channels (another account's id is an
// invalid request naming it), replacing what was attached.
import type { Db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { ProblemError } from "../problem-error";

type Client = Db | Prisma.TransactionClient;

export async function assertOwnChannels(db: Client, userId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const own = new Set((await db.notificationChannel.findMany({ where: { userId, id: { in: [...ids] } }, select: { id: true } })).map((row) => row.id));
  const errors = ids.flatMap((id, index) => (own.has(id) ? [] : [{ path: `channelIds/${index}`, message: `${id} is not one of your channels.` }]));
  if (errors.length) throw new ProblemError("invalid_request", errors.map((error) => error.message).join(" "), { errors });
}

export async function setMonitorChannels(tx: Prisma.TransactionClient, monitorIds: readonly string[], channelIds: readonly string[]): Promise<void> {
  await tx.monitorChannel.deleteMany({ where: { monitorId: { in: [...monitorIds] } } });
  if (channelIds.length) await tx.monitorChannel.createMany({ data: monitorIds.flatMap((monitorId) => channelIds.map((channelId) => ({ monitorId, channelId }))) });
}
