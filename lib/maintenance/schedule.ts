// When a maintenance window is on: pure functions over window definitions, no database. A window is one-off
// (two instants), weekly (days, a wall-clock start and a duration) or cron (an expression and a duration),
// each in an IANA time zone. Recurring windows are cron underneath: cron-parser does the calendar and the
// zone arithmetic (DST included), luxon reads wall-clock times. An occurrence is [start, end).
import { CronExpressionParser } from "cron-parser";
import { DateTime } from "luxon";

export const MAX_DURATION_MINUTES = 7 * 24 * 60;
export const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"] as const;

export type WindowSchedule =
  | { kind: "once"; timeZone: string; startsAt: Date; endsAt: Date }
  | { kind: "weekly"; timeZone: string; days: readonly number[]; startTime: string; durationMinutes: number }
  | { kind: "cron"; timeZone: string; expression: string; durationMinutes: number };

export interface Occurrence {
  start: Date;
  end: Date;
}

export interface ScheduleError {
  path: string;
  message: string;
}

/** Whether the zone is one Intl knows (IANA names such as "Europe/Berlin", or "UTC"). */
export function isTimeZone(zone: string): boolean {
  if (!zone || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** An instant from ISO 8601: with an offset it is that instant, without one it is wall-clock time in `zone`. */
export function parseInstant(text: string, zone: string): Date | null {
  const parsed = DateTime.fromISO(text, { zone, setZone: false });
  return parsed.isValid ? parsed.toJSDate() : null;
}

/** The cron expression a weekly window stands for: "30 22 * * 1,3" for Mon and Wed at 22:30. */
export function weeklyExpression(days: readonly number[], startTime: string): string {
  const [hours, minutes] = startTime.split(":").map(Number);
  return `${minutes} ${hours} * * ${[...new Set(days)].sort().join(",")}`;
}

function expressionOf(schedule: Exclude<WindowSchedule, { kind: "once" }>): string {
  return schedule.kind === "weekly" ? weeklyExpression(schedule.days, schedule.startTime) : schedule.expression.trim();
}

function durationMs(schedule: WindowSchedule): number {
  return schedule.kind === "once" ? schedule.endsAt.getTime() - schedule.startsAt.getTime() : schedule.durationMinutes * 60_000;
}

/** What is wrong with a schedule, field by field; empty when it is sound. */
export function scheduleErrors(schedule: WindowSchedule): ScheduleError[] {
  const errors: ScheduleError[] = [];
  if (!isTimeZone(schedule.timeZone)) errors.push({ path: "timeZone", message: `"${schedule.timeZone}" is not a time zone we know: use a name such as Europe/Berlin, America/New_York or UTC.` });
  if (schedule.kind === "once") {
    if (schedule.endsAt.getTime() <= schedule.startsAt.getTime()) errors.push({ path: "endsAt", message: "The end must be after the start." });
    else if (durationMs(schedule) > MAX_DURATION_MINUTES * 60_000) errors.push({ path: "endsAt", message: "A window lasts at most 7 days: choose an earlier end." });
    return errors;
  }
  if (schedule.durationMinutes < 1 || schedule.durationMinutes > MAX_DURATION_MINUTES) {
    errors.push({ path: "durationMinutes", message: "The duration is from 1 minute to 7 days (10080 minutes)." });
  }
  if (schedule.kind === "cron") {
    const fields = schedule.expression.trim().split(/\s+/);
    if (fields.length !== 5) errors.push({ path: "expression", message: "A cron expression has five fields: minute, hour, day of month, month, day of week (e.g. 30 2 * * 0)." });
    else if (errors.every((error) => error.path !== "timeZone")) {
      try {
        CronExpressionParser.parse(schedule.expression.trim(), { tz: schedule.timeZone, currentDate: new Date() }).next();
      } catch (error) {
        errors.push({ path: "expression", message: `This cron expression is not valid or never matches (${(error as Error).message}).` });
      }
    }
  }
  return errors;
}

/** Two hours: more than any DST shift, so an iteration begun this early is past every gap or repeated hour. */
const LEAD_MS = 2 * 3600_000;

/** Whether the zone keeps one UTC offset from `from - LEAD` to `to + LEAD` (no DST change near). */
function calm(zone: string, from: Date, to: Date): boolean {
  return DateTime.fromMillis(from.getTime() - LEAD_MS, { zone }).offset === DateTime.fromMillis(to.getTime() + LEAD_MS, { zone }).offset;
}

/**
 * Occurrences that start after `after` (exclusive), in order, at most `n`. Near a DST change cron-parser's
 * answer depends on where it starts (just after the change it skips a start moved out of the gap, or repeats
 * one in the doubled hour), so there the iteration starts two hours early and agrees with every other.
 */
function startsAfter(schedule: Exclude<WindowSchedule, { kind: "once" }>, after: Date, n: number): Date[] {
  const from = calm(schedule.timeZone, after, after) ? after : new Date(after.getTime() - LEAD_MS);
  const iterator = CronExpressionParser.parse(expressionOf(schedule), { tz: schedule.timeZone, currentDate: from });
  const starts: Date[] = [];
  while (starts.length < n && iterator.hasNext()) {
    const start = iterator.next().toDate();
    if (start > after) starts.push(start);
  }
  return starts;
}

/** The latest start at or before `at`, given the first one after `at - duration`. */
function latestStart(schedule: Exclude<WindowSchedule, { kind: "once" }>, at: Date, first: Date): Date {
  if (calm(schedule.timeZone, first, at)) {
    // No DST change near: cron-parser's backward step is exact.
    const previous = CronExpressionParser.parse(expressionOf(schedule), { tz: schedule.timeZone, currentDate: new Date(at.getTime() + 1) }).prev().toDate();
    return previous > first && previous <= at ? previous : first;
  }
  // Near a change: step forward from the first start (rare, and bounded: a start per minute for 7 days at most).
  let start = first;
  for (const next of startsAfter(schedule, first, 64)) {
    if (next > at) return start;
    start = next;
  }
  const previous = CronExpressionParser.parse(expressionOf(schedule), { tz: schedule.timeZone, currentDate: new Date(at.getTime() + 1) }).prev().toDate();
  return previous > start && previous <= at ? previous : start;
}

/**
 * The occurrence that covers `at`, or null. Recurring: a window is on when some start lies in
 * (at - duration, at]; forward iteration finds the first one exactly across DST changes.
 */
export function occurrenceAt(schedule: WindowSchedule, at: Date): Occurrence | null {
  if (schedule.kind === "once") return schedule.startsAt <= at && at < schedule.endsAt ? { start: schedule.startsAt, end: schedule.endsAt } : null;
  const duration = durationMs(schedule);
  const first = startsAfter(schedule, new Date(at.getTime() - duration), 1)[0];
  if (!first || first > at || first.getTime() + duration <= at.getTime()) return null;
  // Occurrences have one length, so the latest start at or before `at` ends last.
  const start = latestStart(schedule, at, first);
  return { start, end: new Date(start.getTime() + duration) };
}

/** The next `n` occurrences that have not ended by `from`: the current one first, if any. */
export function nextOccurrences(schedule: WindowSchedule, from: Date, n: number): Occurrence[] {
  if (n <= 0) return [];
  if (schedule.kind === "once") return schedule.endsAt > from ? [{ start: schedule.startsAt, end: schedule.endsAt }] : [];
  const current = occurrenceAt(schedule, from);
  const duration = durationMs(schedule);
  const later = startsAfter(schedule, current?.start ?? from, n - (current ? 1 : 0)).map((start) => ({ start, end: new Date(start.getTime() + duration) }));
  return current ? [current, ...later] : later;
}

/** The active window at `at` among several (the one whose occurrence ends last), or null. */
export function activeWindow<W extends { schedule: WindowSchedule }>(windows: readonly W[], at: Date): { window: W; occurrence: Occurrence } | null {
  let best: { window: W; occurrence: Occurrence } | null = null;
  for (const window of windows) {
    const occurrence = occurrenceAt(window.schedule, at);
    if (occurrence && (!best || occurrence.end > best.occurrence.end)) best = { window, occurrence };
  }
  return best;
}
