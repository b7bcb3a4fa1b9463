// What a public status page shows, read by its slug with no login: the title, and for each monitor its
// name (host and port only if the owner said so), its state, 90 days of daily uptime, and its incidents.
// A monitor in a maintenance window says so (until when; the window's title stays private).
import type { Db } from "../db";
import { maintenanceFor, upcomingMaintenance } from "../maintenance/covering-windows";
import { stateLabel, type StateLabel } from "../monitors/state-label";
import { type StatePeriod, uptimeRatio } from "../monitors/uptime";

export const DAYS = 90;
const DAY_MS = 86_400_000;

export interface PublicMonitor {
  id: string;
  name: string;
  target: string | null;
  label: StateLabel;
  /** Set while a maintenance window covers it: its state holds and it alerts nobody. */
  maintenance: { until: string } | null;
  /** One entry per day, oldest first: percent up, or null when nothing was known that day. */
  days: { date: string; percent: number | null }[];
}

export interface PublicIncident {
  id: string;
  monitorName: string;
  label: StateLabel;
  startedAt: string;
  endedAt: string | null;
  durationSeconds: number;
}

export interface PublicStatus {
  slug: string;
  title: string;
  overall: "operational" | "degraded" | "outage" | "maintenance" | "unknown";
  monitors: PublicMonitor[];
  current: PublicIncident[];
  past: PublicIncident[];
  /** Maintenance planned in the next 7 days (not the one on now): when, and which services; never its title. */
  planned: { start: string; end: string; monitorNames: string[] }[];
  updatedAt: string;
}

/** Daily uptime for the `days` UTC days up to today. */
export function dailyUptime(periods: readonly StatePeriod[], now: Date, days = DAYS): PublicMonitor["days"] {
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  return Array.from({ length: days }, (_, index) => {
    const start = today - (days - 1 - index) * DAY_MS;
    const end = Math.min(start + DAY_MS, now.getTime());
    const ratio = uptimeRatio(periods, end - start, new Date(end));
    return { date: new Date(start).toISOString().slice(0, 10), percent: ratio === null ? null : Math.round(ratio * 100_000) / 1000 };
  });
}

export async function publicStatus(db: Db, slug: string, now = new Date()): Promise<PublicStatus | null> {
  if (!/^[a-z0-9-]{3,50}$/.test(slug)) return null;
  const page = await db.statusPage.findUnique({
    where: { slug },
    select: {
      slug: true,
      title: true,
      showTargets: true,
      monitors: { orderBy: { position: "asc" }, select: { monitor: { select: { id: true, name: true, host: true, port: true, protocol: true, expect: true, state: true } } } },
    },
  });
  if (!page) return null;
  const monitors = page.monitors.map((item) => item.monitor);
  const since = new Date(now.getTime() - DAYS * DAY_MS);
  const incidents = await db.incident.findMany({
    where: { monitorId: { in: monitors.map((monitor) => monitor.id) }, OR: [{ endedAt: null }, { endedAt: { gte: since } }] },
    orderBy: { startedAt: "desc" },
    select: { id: true, monitorId: true, state: true, startedAt: true, endedAt: true },
  });
  const byMonitor = new Map(monitors.map((monitor) => [monitor.id, monitor]));
  const ids = monitors.map((monitor) => monitor.id);
  const [maintenance, upcoming] = await Promise.all([maintenanceFor(db, ids, now), upcomingMaintenance(db, ids, now)]);
  const shown: PublicMonitor[] = monitors.map((monitor) => ({
    id: monitor.id,
    name: monitor.name,
    target: page.showTargets ? `${monitor.host}:${monitor.port}${monitor.protocol === "udp" ? "/udp" : ""}` : null,
    label: stateLabel(monitor.expect, monitor.state),
    maintenance: maintenance.has(monitor.id) ? { until: maintenance.get(monitor.id)!.until.toISOString() } : null,
    days: dailyUptime(incidents.filter((incident) => incident.monitorId === monitor.id), now),
  }));
  const outages = incidents
    .filter((incident) => incident.state !== "up")
    .map((incident): PublicIncident => {
      const monitor = byMonitor.get(incident.monitorId)!;
      return {
        id: incident.id,
        monitorName: monitor.name,
        label: stateLabel(monitor.expect, incident.state),
        startedAt: incident.startedAt.toISOString(),
        endedAt: incident.endedAt?.toISOString() ?? null,
        durationSeconds: Math.round(((incident.endedAt ?? now).getTime() - incident.startedAt.getTime()) / 1000),
      };
    });
  // A monitor in maintenance neither breaks nor vouches for the whole.
  const labels = shown.filter((monitor) => !monitor.maintenance).map((monitor) => monitor.label);
  const overall = labels.some((label) => label === "DOWN" || label === "EXPOSED")
    ? "outage"
    : labels.some((label) => label === "SLOW")
      ? "degraded"
      : maintenance.size > 0
        ? "maintenance"
        : labels.length && labels.every((label) => label === "UP")
          ? "operational"
          : "unknown";
  return {
    slug: page.slug,
    title: page.title,
    overall,
    monitors: shown,
    current: outages.filter((incident) => incident.endedAt === null),
    past: outages.filter((incident) => incident.endedAt !== null).slice(0, 30),
    planned: upcoming
      // Not what is on now, nor what only prolongs it.
      .filter((item) => item.start > now && !item.monitorIds.every((id) => (maintenance.get(id)?.until ?? now) >= item.start))
      .slice(0, 5)
      .map((item) => ({ start: item.start.toISOString(), end: item.end.toISOString(), monitorNames: monitors.filter((monitor) => item.monitorIds.includes(monitor.id)).map((monitor) => monitor.name) })),
    updatedAt: now.toISOString(),
  };
}
