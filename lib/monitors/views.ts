// Monitors in the public API's shape. Secrets (the webhook secret) never leave except once at creation.
import type { MaintenanceNow } from "../maintenance/covering-windows";
import type { z } from "zod";
import { familyChoice, tlsChoice } from "../checks/check-options";
import { env } from "../env";
import type { Prisma } from "../generated/prisma/client";
import type { Db } from "../db";
import type { monitorViewSchema } from "./monitor-view-schema";
import { knownSince, type StatePeriod, uptimeFigures, UPTIME_WINDOWS } from "./uptime";

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
  protocol: true,
  family: true,
  tls: true,
  degradedLatencyMs: true,
  sendText: true,
  expectReply: true,
  certExpiryDays: true,
  regions: true,
  quorum: true,
  regionStates: { select: { region: true, state: true, cause: true, lastCheckedAt: true } },
  channels: { select: { channelId: true }, orderBy: { channelId: "asc" } },
  createdAt: true,
  updatedAt: true,
} as const satisfies Prisma.MonitorSelect;

export type MonitorRow = Prisma.MonitorGetPayload<{ select: typeof MONITOR_SELECT }>;

/** The public shape of a monitor: its one schema is monitorViewSchema, which the API reference documents. */
export type MonitorView = z.infer<typeof monitorViewSchema>;

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

export function monitorView(row: MonitorRow, periods: StatePeriod[] = [], maintenance: MaintenanceNow | null = null): MonitorView {
  const base = env().APP_URL;
  const { sendText, family, tls, regionStates, channels, ...rest } = row;
  return {
    ...rest,
    channelIds: channels.map((item) => item.channelId),
    regionStates: row.regions.map((region) => {
      const item = regionStates.find((candidate) => candidate.region === region);
      return { region, state: item?.state ?? "pending", cause: item?.cause ?? null, lastCheckedAt: item?.lastCheckedAt?.toISOString() ?? null };
    }),
    family: familyChoice(family),
    tls: tlsChoice(tls),
    send: sendText,
    stateChangedAt: row.stateChangedAt?.toISOString() ?? null,
    lastCheckedAt: row.lastCheckedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    uptime: uptimeFigures(periods),
    knownSince: knownSince(periods)?.toISOString() ?? null,
    maintenance: maintenance && { windowId: maintenance.windowId, title: maintenance.title, until: maintenance.until.toISOString() },
    links: { self: `${base}/api/v1/monitors/${row.id}`, html: `${base}/monitors/${row.id}` },
  };
}
