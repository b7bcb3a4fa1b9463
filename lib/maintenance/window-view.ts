// A maintenance window between its stored row, its schedule and its public view: what the API answers and
// the dashboard shows, and the judging of a request's fields into a sound schedule (or a 422 naming them).
import { env } from "../env";
import type { Prisma } from "../generated/prisma/client";
import { ProblemError } from "../problem-error";
import { SCHEDULE_SELECT, scheduleOf } from "./covering-windows";
import { nextOccurrences, occurrenceAt, parseInstant, scheduleErrors, type ScheduleError, type WindowSchedule } from "./schedule";
import type { CreateMaintenanceWindowInput, MaintenanceWindowView } from "./schemas";

export const WINDOW_SELECT = {
  id: true,
  title: true,
  ...SCHEDULE_SELECT,
  active: true,
  createdAt: true,
  updatedAt: true,
  monitors: { select: { monitorId: true } },
  statusPages: { select: { statusPageId: true } },
} as const;

export type WindowRow = Prisma.MaintenanceWindowGetPayload<{ select: typeof WINDOW_SELECT }>;

export function maintenanceWindowView(row: WindowRow, now: Date = new Date()): MaintenanceWindowView {
  const schedule = scheduleOf(row);
  const current = row.active ? occurrenceAt(schedule, now) : null;
  return {
    id: row.id,
    title: row.title,
    kind: row.kind,
    timeZone: row.timeZone,
    startsAt: row.startsAt?.toISOString() ?? null,
    endsAt: row.endsAt?.toISOString() ?? null,
    days: row.days,
    startTime: row.startTime,
    expression: row.expression,
    durationMinutes: row.durationMinutes,
    active: row.active,
    monitorIds: row.monitors.map((item) => item.monitorId),
    statusPageIds: row.statusPages.map((item) => item.statusPageId),
    activeNow: current !== null,
    activeUntil: current?.end.toISOString() ?? null,
    nextOccurrences: nextOccurrences(schedule, now, 5).map((item) => ({ start: item.start.toISOString(), end: item.end.toISOString() })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    links: { self: `${env().APP_URL}/api/v1/maintenance-windows/${row.id}` },
  };
}

/** The schedule fields of a request (or of a stored window with a change applied). */
export type ScheduleFields = Pick<CreateMaintenanceWindowInput, "kind" | "timeZone" | "startsAt" | "endsAt" | "days" | "startTime" | "expression" | "durationMinutes">;

/** The row's schedule fields in the request's terms, so a change can be laid over them and judged whole. */
export function scheduleFieldsOf(row: WindowRow): ScheduleFields {
  return {
    kind: row.kind,
    timeZone: row.timeZone,
    startsAt: row.startsAt?.toISOString() ?? null,
    endsAt: row.endsAt?.toISOString() ?? null,
    days: row.days,
    startTime: row.startTime,
    expression: row.expression,
    durationMinutes: row.durationMinutes,
  };
}

const invalidSchedule = (errors: ScheduleError[]) => new ProblemError("invalid_schedule", errors.map((error) => error.message).join(" "), { errors });

/** A sound schedule from the fields, or a 422 naming each field that is missing or wrong. */
export function judgeSchedule(fields: ScheduleFields): WindowSchedule {
  const missing = (path: string, what: string): ScheduleError => ({ path, message: `A ${fields.kind === "once" ? "one-off" : fields.kind} window needs ${what}.` });
  const timeZone = fields.timeZone;
  let schedule: WindowSchedule;
  if (fields.kind === "once") {
    const errors: ScheduleError[] = [];
    const read = (path: "startsAt" | "endsAt") => {
      const text = fields[path];
      if (!text) return errors.push(missing(path, path === "startsAt" ? "a start" : "an end")), null;
      const instant = parseInstant(text, timeZone);
      if (!instant) errors.push({ path, message: "This is not a date and time: use ISO 8601 such as 2027-05-01T22:00." });
      return instant;
    };
    const startsAt = read("startsAt");
    const endsAt = read("endsAt");
    if (errors.length || !startsAt || !endsAt) throw invalidSchedule(errors);
    schedule = { kind: "once", timeZone, startsAt, endsAt };
  } else if (fields.kind === "weekly") {
    const errors = [
      ...(fields.days?.length ? [] : [missing("days", "at least one day of the week")]),
      ...(fields.startTime ? [] : [missing("startTime", "a start time (HH:MM)")]),
      ...(fields.durationMinutes ? [] : [missing("durationMinutes", "a duration in minutes")]),
    ];
    if (errors.length) throw invalidSchedule(errors);
    schedule = { kind: "weekly", timeZone, days: [...new Set(fields.days!)].sort(), startTime: fields.startTime!, durationMinutes: fields.durationMinutes! };
  } else {
    const errors = [...(fields.expression ? [] : [missing("expression", "a cron expression")]), ...(fields.durationMinutes ? [] : [missing("durationMinutes", "a duration in minutes")])];
    if (errors.length) throw invalidSchedule(errors);
    schedule = { kind: "cron", timeZone, expression: fields.expression!.trim().replace(/\s+/g, " "), durationMinutes: fields.durationMinutes! };
  }
  const errors = scheduleErrors(schedule);
  if (errors.length) throw invalidSchedule(errors);
  return schedule;
}

/** The columns a schedule is stored in; the other kinds' columns are cleared. */
export function scheduleColumns(schedule: WindowSchedule) {
  return {
    kind: schedule.kind,
    timeZone: schedule.timeZone,
    startsAt: schedule.kind === "once" ? schedule.startsAt : null,
    endsAt: schedule.kind === "once" ? schedule.endsAt : null,
    days: schedule.kind === "weekly" ? [...schedule.days] : [],
    startTime: schedule.kind === "weekly" ? schedule.startTime : null,
    expression: schedule.kind === "cron" ? schedule.expression : null,
    durationMinutes: schedule.kind === "once" ? null : schedule.durationMinutes,
  };
}
