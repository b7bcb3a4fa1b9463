// Reads of the monitors feature. Ownership is always in the where: another account's monitor is not found.
import { maintenanceFor } from "../maintenance/covering-windows";
import type { IncidentRegion } from "../alerts/alert-payload";
import { deliveryPage } from "../alerts/delivery-log";
import type { Db } from "../db";
import { apiState } from "../checks/check-options";
import { ProblemError } from "../problem-error";
import type { VerdictState } from "../probes/verdict-states";
import { type MonitorView, MONITOR_SELECT, monitorView, statePeriods } from "./views";

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** A page of rows by a stable order; the cursor is the id of the last row of the previous page. */
function paged<T extends { id: string }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items.at(-1)!.id : null };
}

const cursorArgs = (cursor?: string): { cursor?: { id: string }; skip?: number } => (cursor ? { cursor: { id: cursor }, skip: 1 } : {});

/** Oldest first, so that a new monitor never shifts the pages already read. */
export async function listMonitors(db: Db, userId: string, page: { cursor?: string; limit: number } = { limit: 1000 }): Promise<Page<MonitorView>> {
  const rows = await db.monitor.findMany({
    where: { userId },
    select: MONITOR_SELECT,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: page.limit + 1,
    ...cursorArgs(page.cursor),
  });
  const { items, nextCursor } = paged(rows, page.limit);
  const ids = items.map((row) => row.id);
  const [periods, maintenance] = await Promise.all([statePeriods(db, ids), maintenanceFor(db, ids)]);
  return { items: items.map((row) => monitorView(row, periods.get(row.id), maintenance.get(row.id))), nextCursor };
}

export async function getMonitor(db: Db, userId: string, id: string): Promise<MonitorView | null> {
  const row = await db.monitor.findFirst({ where: { id, userId }, select: MONITOR_SELECT });
  if (!row) return null;
  const [periods, maintenance] = await Promise.all([statePeriods(db, [row.id]), maintenanceFor(db, [row.id])]);
  return monitorView(row, periods.get(row.id), maintenance.get(row.id));
}

export const NOT_FOUND_MESSAGE = "There is no monitor with this id in your account.";

/** Does this account own this monitor? */
export async function ownsMonitor(db: Db, userId: string, id: string): Promise<boolean> {
  return (await db.monitor.count({ where: { id, userId } })) === 1;
}

/** 404 unless this account owns the monitor: never 403, never a hint that it exists. */
export async function assertOwnsMonitor(db: Db, userId: string, id: string): Promise<void> {
  if (!(await ownsMonitor(db, userId, id))) throw new ProblemError("not_found", NOT_FOUND_MESSAGE);
}

export interface ResultView {
  id: string;
  scheduledAt: string;
  checkedAt: string;
  region: string;
  protocol: "tcp" | "udp";
  state: VerdictState;
  reason: string | null;
  observation: "up" | "degraded" | "down";
  family: number | null;
  address: string | null;
  latencyMs: number | null;
  errorCode: string | null;
  /** The verdict of each address family, the TLS and banner facts, and the cause in words. */
  detail: unknown;
  /** Taken during a maintenance window. */
  maintenance: boolean;
}

/** Newest first; `cursor` is the id of the last result of the previous page. */
export async function listResults(db: Db, monitorId: string, options: { cursor?: string; limit: number; since?: Date }): Promise<{ results: ResultView[]; nextCursor: string | null }> {
  const rows = await db.monitorResult.findMany({
    where: { monitorId, ...(options.cursor ? { id: { lt: BigInt(options.cursor) } } : {}), ...(options.since ? { checkedAt: { gte: options.since } } : {}) },
    orderBy: { id: "desc" },
    take: options.limit + 1,
    select: { id: true, scheduledAt: true, checkedAt: true, region: true, probe: true, state: true, reason: true, observation: true, family: true, address: true, latencyMs: true, errorCode: true, detail: true, maintenance: true },
  });
  const page = rows.slice(0, options.limit);
  return {
    results: page.map(({ probe, ...row }) => ({
      ...row,
      protocol: probe,
      state: apiState(row.state),
      id: row.id.toString(),
      scheduledAt: row.scheduledAt.toISOString(),
      checkedAt: row.checkedAt.toISOString(),
    })),
    nextCursor: rows.length > options.limit ? page.at(-1)!.id.toString() : null,
  };
}

export async function listIncidents(db: Db, monitorId: string, page: { cursor?: string; limit: number } = { limit: 100 }) {
  const rows = await db.incident.findMany({
    where: { monitorId },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: page.limit + 1,
    ...cursorArgs(page.cursor),
    select: { id: true, state: true, startedAt: true, endedAt: true, cause: true, regions: true },
  });
  const { items, nextCursor } = paged(rows, page.limit);
  return { nextCursor, items: items.map((row) => ({
    ...row,
    regions: (row.regions as IncidentRegion[] | null) ?? null,
    startedAt: row.startedAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    durationSeconds: Math.round(((row.endedAt ?? new Date()).getTime() - row.startedAt.getTime()) / 1000),
  })) };
}

export async function listDeliveries(db: Db, monitorId: string, page: { cursor?: string; limit: number } = { limit: 50 }) {
  return deliveryPage(db, { monitorId }, page);
}
