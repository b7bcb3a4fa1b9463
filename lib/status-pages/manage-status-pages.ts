// Create, read, change and delete an account's status pages. Ownership is in every where (another
// account's page is 404), and a page may only show the account's own monitors.
import type { Db } from "../db";
import { env } from "../env";
import { Prisma } from "../generated/prisma/client";
import { newId } from "../ids";
import { ProblemError } from "../problem-error";
import type { CreateStatusPageInput, StatusPageView, UpdateStatusPageInput } from "./schemas";

const SELECT = { id: true, slug: true, title: true, showTargets: true, createdAt: true, updatedAt: true, monitors: { select: { monitorId: true }, orderBy: { position: "asc" } } } as const;

type Row = Prisma.StatusPageGetPayload<{ select: typeof SELECT }>;

export const notFoundStatusPage = () => new ProblemError("not_found", "There is no status page with this id in your account.");

export function statusPageView(row: Row): StatusPageView {
  const base = env().APP_URL;
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    showTargets: row.showTargets,
    monitorIds: row.monitors.map((item) => item.monitorId),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    links: { self: `${base}/api/v1/status-pages/${row.id}`, html: `${base}/status/${row.slug}`, feed: `${base}/status/${row.slug}/feed.xml` },
  };
}

async function assertOwnMonitors(db: Db, userId: string, ids: readonly string[]): Promise<void> {
  const own = new Set((await db.monitor.findMany({ where: { userId, id: { in: [...ids] } }, select: { id: true } })).map((row) => row.id));
  const errors = ids.flatMap((id, index) => (own.has(id) ? [] : [{ path: `monitorIds/${index}`, message: `${id} is not one of your monitors.` }]));
  if (errors.length) throw new ProblemError("invalid_request", errors.map((error) => error.message).join(" "), { errors });
}

function slugTaken(error: unknown): never {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
    throw new ProblemError("slug_taken", "Another status page already has this slug.", { errors: [{ path: "slug", message: "Another status page already has this slug." }] });
  }
  throw error;
}

export async function createStatusPage(db: Db, userId: string, input: CreateStatusPageInput): Promise<StatusPageView> {
  await assertOwnMonitors(db, userId, input.monitorIds);
  const row = await db.statusPage
    .create({
      data: {
        id: newId(),
        userId,
        slug: input.slug,
        title: input.title,
        showTargets: input.showTargets,
        monitors: { create: input.monitorIds.map((monitorId, position) => ({ monitorId, position })) },
      },
      select: SELECT,
    })
    .catch(slugTaken);
  return statusPageView(row);
}

export async function listStatusPages(db: Db, userId: string): Promise<StatusPageView[]> {
  return (await db.statusPage.findMany({ where: { userId }, orderBy: { createdAt: "asc" }, select: SELECT })).map(statusPageView);
}

export async function getStatusPage(db: Db, userId: string, id: string): Promise<StatusPageView> {
  const row = await db.statusPage.findFirst({ where: { id, userId }, select: SELECT });
  if (!row) throw notFoundStatusPage();
  return statusPageView(row);
}

export async function updateStatusPage(db: Db, userId: string, id: string, input: UpdateStatusPageInput): Promise<StatusPageView> {
  if (input.monitorIds) await assertOwnMonitors(db, userId, input.monitorIds);
  await db
    .$transaction(async (tx) => {
      const { monitorIds, ...fields } = input;
      const changed = await tx.statusPage.updateMany({ where: { id, userId }, data: fields });
      if (changed.count === 0) throw notFoundStatusPage();
      if (monitorIds) {
        await tx.statusPageMonitor.deleteMany({ where: { statusPageId: id } });
        await tx.statusPageMonitor.createMany({ data: monitorIds.map((monitorId, position) => ({ statusPageId: id, monitorId, position })) });
      }
    })
    .catch(slugTaken);
  return getStatusPage(db, userId, id);
}

export async function deleteStatusPage(db: Db, userId: string, id: string): Promise<void> {
  const deleted = await db.statusPage.deleteMany({ where: { id, userId } });
  if (deleted.count === 0) throw notFoundStatusPage();
}
