// Monitors in the public API's shape. Secrets (the webhook secret) never leave except once at creation.
import { env } from "../env";
import type { Db } from "../db";
import { type StatePeriod, type Uptime, uptimeFigures, UPTIME_WINDOWS } from "./uptime";

export const MONITOR_SELECT = {
  id: true,
  name: true,
  host: true,
  port: true,
  intervalSeconds: true,
  timeoutMs: true,
  expect: true,
  confirmations: true,
  paused: true,
  state: true,
  stateChangedAt: true,
  lastCheckedAt: true,
  emailAlerts: true,
  webhookUrl: true,
  alertRepeatMinutes: true,
  createdAt: true,
  updatedAt: true,
} as const;

export interface MonitorRow {
  id: string;
  name: string;
  host: string;
  port: number;
  intervalSeconds: number;
  timeoutMs: number;
  expect: "open" | "closed";
  confirmations: number;
  paused: boolean;
  state: "pending" | "up" | "down" | "paused";
  stateChangedAt: Date | null;
  lastCheckedAt: Date | null;
  emailAlerts: boolean;
  webhookUrl: string | null;
  alertRepeatMinutes: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface MonitorView extends Omit<MonitorRow, "stateChangedAt" | "lastCheckedAt" | "createdAt" | "updatedAt"> {
  stateChangedAt: string | null;
  lastCheckedAt: string | null;
  createdAt: string;
  updatedAt: string;
  uptime: Uptime;
  links: { self: string; html: string };
}

/** State periods of the last 30 days for each monitor, for uptime. */
export async function statePeriods(db: Db, monitorIds: string[]): Promise<Map<string, StatePeriod[]>> {
  const since = new Date(Date.now() - UPTIME_WINDOWS["30d"]);
  const rows = await db.incident.findMany({
    where: { monitorId: { in: monitorIds }, OR: [{ endedAt: null }, { endedAt: { gte: since } }] },
    select: { monitorId: true, state: true, startedAt: true, endedAt: true },
  });
  const byMonitor = new Map<string, StatePeriod[]>();
  for (const row of rows) byMonitor.set(row.monitorId, [...(byMonitor.get(row.monitorId) ?? []), row]);
  return byMonitor;
}

export function monitorView(row: MonitorRow, periods: StatePeriod[] = []): MonitorView {
  const base = env().APP_URL;
  return {
    ...row,
    stateChangedAt: row.stateChangedAt?.toISOString() ?? null,
    lastCheckedAt: row.lastCheckedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    uptime: uptimeFigures(periods),
    links: { self: `${base}/api/v1/monitors/${row.id}`, html: `${base}/monitors/${row.id}` },
  };
}
