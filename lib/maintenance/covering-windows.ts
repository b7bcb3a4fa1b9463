// Which monitors are in maintenance now: the active windows on each monitor, directly or through a status
// page that shows it, read in one query and judged by the pure schedule. The worker asks for one monitor
// while it records a vote; the dashboard and the public status page ask for many.
import type { Db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { activeWindow, nextOccurrences, type WindowSchedule } from "./schedule";

export const SCHEDULE_SELECT = {
  kind: true,
  timeZone: true,
  startsAt: true,
  endsAt: true,
  days: true,
  startTime: true,
  expression: true,
  durationMinutes: true,
} as const;

type ScheduleRow = Prisma.MaintenanceWindowGetPayload<{ select: typeof SCHEDULE_SELECT }>;

/** The schedule a stored window describes. */
export function scheduleOf(row: ScheduleRow): WindowSchedule {
  if (row.kind === "once") return { kind: "once", timeZone: row.timeZone, startsAt: row.startsAt!, endsAt: row.endsAt! };
  if (row.kind === "weekly") return { kind: "weekly", timeZone: row.timeZone, days: row.days, startTime: row.startTime!, durationMinutes: row.durationMinutes! };
  return { kind: "cron", timeZone: row.timeZone, expression: row.expression!, durationMinutes: row.durationMinutes! };
}

export interface MaintenanceNow {
  windowId: string;
  title: string;
  /** When the occurrence on now ends. */
  until: Date;
}

export interface UpcomingMaintenance {
  windowId: string;
  title: string;
  start: Date;
  end: Date;
  /** The asked monitors it covers. */
  monitorIds: string[];
}

type Client = Pick<Db, "maintenanceWindow">;

async function windowsCovering(db: Client, monitorIds: readonly string[]) {
  if (monitorIds.length === 0) return [];
  const ids = [...monitorIds];
  const rows = await db.maintenanceWindow.findMany({
    where: { active: true, OR: [{ monitors: { some: { monitorId: { in: ids } } } }, { statusPages: { some: { statusPage: { monitors: { some: { monitorId: { in: ids } } } } } } }] },
    select: {
      id: true,
      title: true,
      userId: true,
      ...SCHEDULE_SELECT,
      monitors: { where: { monitorId: { in: ids } }, select: { monitorId: true, monitor: { select: { userId: true } } } },
      statusPages: { select: { statusPage: { select: { userId: true, monitors: { where: { monitorId: { in: ids } }, select: { monitorId: true } } } } } },
    },
  });
  // A window covers a monitor only within one account: a page or monitor of another account never counts.
  return rows.map((row) => ({
    id: row.id,
    title: row.title,
    schedule: scheduleOf(row),
    monitorIds: new Set([
      ...row.monitors.filter((item) => item.monitor.userId === row.userId).map((item) => item.monitorId),
      ...row.statusPages.filter((item) => item.statusPage.userId === row.userId).flatMap((item) => item.statusPage.monitors.map((monitor) => monitor.monitorId)),
    ]),
  }));
}

/** For each given monitor in maintenance at `at`: the window and when it ends. Monitors not in one are absent. */
export async function maintenanceFor(db: Client, monitorIds: readonly string[], at: Date = new Date()): Promise<Map<string, MaintenanceNow>> {
  const windows = await windowsCovering(db, monitorIds);
  const result = new Map<string, MaintenanceNow>();
  for (const monitorId of monitorIds) {
    const active = activeWindow(windows.filter((window) => window.monitorIds.has(monitorId)), at);
    if (active) result.set(monitorId, { windowId: active.window.id, title: active.window.title, until: active.occurrence.end });
  }
  return result;
}

/** The windows ahead (or on now) for these monitors within `horizonMs`, soonest first. */
export async function upcomingMaintenance(db: Client, monitorIds: readonly string[], at: Date = new Date(), horizonMs = 7 * 86_400_000): Promise<UpcomingMaintenance[]> {
  const windows = await windowsCovering(db, monitorIds);
  return windows
    .flatMap((window) =>
      nextOccurrences(window.schedule, at, 3)
        .filter((occurrence) => occurrence.start.getTime() <= at.getTime() + horizonMs)
        .map((occurrence) => ({ windowId: window.id, title: window.title, start: occurrence.start, end: occurrence.end, monitorIds: [...window.monitorIds] })),
    )
    .sort((a, b) => a.start.getTime() - b.start.getTime());
}
