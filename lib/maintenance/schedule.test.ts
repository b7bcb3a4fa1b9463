import { describe, expect, it } from "vitest";
import { activeWindow, isTimeZone, nextOccurrences, occurrenceAt, parseInstant, scheduleErrors, weeklyExpression, type WindowSchedule } from "./schedule";

const at = (iso: string) => new Date(iso);
const iso = (date: Date | undefined) => date?.toISOString();

describe("weekly windows", () => {
  // Mondays 23:00 Berlin (CET, UTC+1 in January) for two hours: 22:00Z to 00:00Z.
  const monday: WindowSchedule = { kind: "weekly", timeZone: "Europe/Berlin", days: [1], startTime: "23:00", durationMinutes: 120 };

  it("runs across midnight into the next day, start included and end excluded", () => {
    expect(occurrenceAt(monday, at("2027-01-11T21:59:59.999Z"))).toBeNull();
    expect(iso(occurrenceAt(monday, at("2027-01-11T22:00:00Z"))?.start)).toBe("2027-01-11T22:00:00.000Z");
    // Tuesday 00:30 local: still Monday's window.
    const tuesday = occurrenceAt(monday, at("2027-01-11T23:30:00Z"));
    expect(iso(tuesday?.end)).toBe("2027-01-12T00:00:00.000Z");
    expect(occurrenceAt(monday, at("2027-01-12T00:00:00Z"))).toBeNull();
    // A Tuesday at 23:30 is not a Monday.
    expect(occurrenceAt(monday, at("2027-01-12T22:30:00Z"))).toBeNull();
  });

  it("is a cron expression underneath, days sorted and without repeats", () => {
    expect(weeklyExpression([3, 1, 3], "07:05")).toBe("5 7 * * 1,3");
  });

  it("keeps the wall-clock start across the spring DST change in Europe/Berlin", () => {
    // Daily at 22:00 local: 21:00Z in winter, 20:00Z from Sunday 28 March 2027 on.
    const evenings: WindowSchedule = { kind: "weekly", timeZone: "Europe/Berlin", days: [0, 1, 2, 3, 4, 5, 6], startTime: "22:00", durationMinutes: 30 };
    const starts = nextOccurrences(evenings, at("2027-03-27T12:00:00Z"), 3).map((item) => iso(item.start));
    expect(starts).toEqual(["2027-03-27T21:00:00.000Z", "2027-03-28T20:00:00.000Z", "2027-03-29T20:00:00.000Z"]);
    expect(occurrenceAt(evenings, at("2027-03-28T20:10:00Z"))).not.toBeNull();
    expect(occurrenceAt(evenings, at("2027-03-28T21:10:00Z"))).toBeNull();
  });

  it("moves a start that does not exist (02:30 on the spring-forward Sunday) to 03:30, and is on then", () => {
    const sunday: WindowSchedule = { kind: "weekly", timeZone: "Europe/Berlin", days: [0], startTime: "02:30", durationMinutes: 60 };
    const occurrence = occurrenceAt(sunday, at("2027-03-28T02:00:00Z"));
    expect(iso(occurrence?.start)).toBe("2027-03-28T01:30:00.000Z");
    expect(iso(occurrence?.end)).toBe("2027-03-28T02:30:00.000Z");
  });

  it("starts a time that happens twice (02:30 on the autumn Sunday) once, the first time", () => {
    const sunday: WindowSchedule = { kind: "weekly", timeZone: "Europe/Berlin", days: [0], startTime: "02:30", durationMinutes: 30 };
    const starts = nextOccurrences(sunday, at("2027-10-30T00:00:00Z"), 2).map((item) => iso(item.start));
    expect(starts).toEqual(["2027-10-31T00:30:00.000Z", "2027-11-07T01:30:00.000Z"]);
    expect(occurrenceAt(sunday, at("2027-10-31T01:45:00Z"))).toBeNull();
  });

  it("counts the duration in real time across a DST change", () => {
    // 01:00 local on the spring-forward night for three hours ends at 05:00 CEST (03:00Z), not 04:00.
    const night: WindowSchedule = { kind: "weekly", timeZone: "Europe/Berlin", days: [0], startTime: "01:00", durationMinutes: 180 };
    const occurrence = occurrenceAt(night, at("2027-03-28T02:59:00Z"));
    expect(iso(occurrence?.start)).toBe("2027-03-28T00:00:00.000Z");
    expect(iso(occurrence?.end)).toBe("2027-03-28T03:00:00.000Z");
  });
});

describe("cron windows", () => {
  const monthly: WindowSchedule = { kind: "cron", timeZone: "UTC", expression: "0 3 1 * *", durationMinutes: 90 };

  it("lists the next occurrences, the current one first", () => {
    expect(nextOccurrences(monthly, at("2027-01-15T00:00:00Z"), 3).map((item) => iso(item.start))).toEqual([
      "2027-02-01T03:00:00.000Z",
      "2027-03-01T03:00:00.000Z",
      "2027-04-01T03:00:00.000Z",
    ]);
    const during = nextOccurrences(monthly, at("2027-02-01T04:00:00Z"), 2);
    expect(during.map((item) => iso(item.start))).toEqual(["2027-02-01T03:00:00.000Z", "2027-03-01T03:00:00.000Z"]);
    expect(iso(during[0]?.end)).toBe("2027-02-01T04:30:00.000Z");
  });

  it("is on from its start until its duration has passed", () => {
    expect(occurrenceAt(monthly, at("2027-02-01T02:59:00Z"))).toBeNull();
    expect(occurrenceAt(monthly, at("2027-02-01T03:00:00Z"))).not.toBeNull();
    expect(occurrenceAt(monthly, at("2027-02-01T04:29:59Z"))).not.toBeNull();
    expect(occurrenceAt(monthly, at("2027-02-01T04:30:00Z"))).toBeNull();
  });

  it("ends at the last of overlapping occurrences", () => {
    // Every 10 minutes for 30: always on, and the latest start decides the end.
    const overlapping: WindowSchedule = { kind: "cron", timeZone: "UTC", expression: "*/10 * * * *", durationMinutes: 30 };
    expect(iso(occurrenceAt(overlapping, at("2027-02-01T12:25:00Z"))?.end)).toBe("2027-02-01T12:50:00.000Z");
  });

  it("finds the latest of frequent starts just after the spring DST change", () => {
    // Every quarter hour for 30 minutes: 03:10 CEST (01:10Z) is in the one that began at 03:00 CEST (01:00Z).
    const quarterly: WindowSchedule = { kind: "cron", timeZone: "Europe/Berlin", expression: "*/15 * * * *", durationMinutes: 30 };
    const occurrence = occurrenceAt(quarterly, at("2027-03-28T01:10:00Z"));
    expect([iso(occurrence?.start), iso(occurrence?.end)]).toEqual(["2027-03-28T01:00:00.000Z", "2027-03-28T01:30:00.000Z"]);
  });

  it("follows the zone: weekdays at 22:00 in Berlin move an hour in UTC with DST", () => {
    const weekdays: WindowSchedule = { kind: "cron", timeZone: "Europe/Berlin", expression: "0 22 * * 1-5", durationMinutes: 60 };
    expect(nextOccurrences(weekdays, at("2027-03-26T00:00:00Z"), 2).map((item) => iso(item.start))).toEqual(["2027-03-26T21:00:00.000Z", "2027-03-29T20:00:00.000Z"]);
  });
});

describe("one-off windows", () => {
  const once: WindowSchedule = { kind: "once", timeZone: "UTC", startsAt: at("2027-05-01T10:00:00Z"), endsAt: at("2027-05-01T12:00:00Z") };

  it("includes its start and excludes its end", () => {
    expect(occurrenceAt(once, at("2027-05-01T09:59:59.999Z"))).toBeNull();
    expect(occurrenceAt(once, at("2027-05-01T10:00:00Z"))).not.toBeNull();
    expect(occurrenceAt(once, at("2027-05-01T11:59:59.999Z"))).not.toBeNull();
    expect(occurrenceAt(once, at("2027-05-01T12:00:00Z"))).toBeNull();
  });

  it("has no next occurrence once it is over", () => {
    expect(nextOccurrences(once, at("2027-05-01T11:00:00Z"), 5)).toHaveLength(1);
    expect(nextOccurrences(once, at("2027-05-01T12:00:00Z"), 5)).toEqual([]);
  });

  it("reads wall-clock times in its zone, and instants with an offset as they are", () => {
    expect(iso(parseInstant("2026-12-24T10:00", "Europe/Berlin") ?? undefined)).toBe("2026-12-24T09:00:00.000Z");
    expect(iso(parseInstant("2027-07-01T10:00", "Europe/Berlin") ?? undefined)).toBe("2027-07-01T08:00:00.000Z");
    expect(iso(parseInstant("2026-12-24T10:00:00Z", "Europe/Berlin") ?? undefined)).toBe("2026-12-24T10:00:00.000Z");
    expect(parseInstant("24/12/2026", "UTC")).toBeNull();
  });
});

describe("activeWindow", () => {
  it("picks, of the windows on, the one that ends last, and null when none is", () => {
    const short = { id: "short", schedule: { kind: "once", timeZone: "UTC", startsAt: at("2027-05-01T10:00:00Z"), endsAt: at("2027-05-01T11:00:00Z") } as WindowSchedule };
    const long = { id: "long", schedule: { kind: "once", timeZone: "UTC", startsAt: at("2027-05-01T09:00:00Z"), endsAt: at("2027-05-01T13:00:00Z") } as WindowSchedule };
    expect(activeWindow([short, long], at("2027-05-01T10:30:00Z"))?.window.id).toBe("long");
    expect(activeWindow([short, long], at("2027-05-01T14:00:00Z"))).toBeNull();
    expect(activeWindow([], at("2027-05-01T10:30:00Z"))).toBeNull();
  });
});

describe("scheduleErrors", () => {
  const weekly = { kind: "weekly", timeZone: "UTC", days: [1], startTime: "10:00", durationMinutes: 60 } as const;

  it("accepts sound schedules", () => {
    expect(scheduleErrors(weekly)).toEqual([]);
    expect(scheduleErrors({ kind: "cron", timeZone: "America/New_York", expression: "30 2 * * 0", durationMinutes: 10080 })).toEqual([]);
  });

  it("names the field that is wrong", () => {
    const paths = (schedule: WindowSchedule) => scheduleErrors(schedule).map((error) => error.path);
    expect(isTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(paths({ ...weekly, timeZone: "Mars/Olympus_Mons" })).toEqual(["timeZone"]);
    expect(paths({ ...weekly, durationMinutes: 0 })).toEqual(["durationMinutes"]);
    expect(paths({ ...weekly, durationMinutes: 10081 })).toEqual(["durationMinutes"]);
    expect(paths({ kind: "cron", timeZone: "UTC", expression: "61 * * * *", durationMinutes: 5 })).toEqual(["expression"]);
    expect(paths({ kind: "cron", timeZone: "UTC", expression: "* * * *", durationMinutes: 5 })).toEqual(["expression"]);
    expect(paths({ kind: "cron", timeZone: "UTC", expression: "0 0 30 2 *", durationMinutes: 5 })).toEqual(["expression"]);
    expect(paths({ kind: "once", timeZone: "UTC", startsAt: at("2027-05-01T10:00:00Z"), endsAt: at("2027-05-01T10:00:00Z") })).toEqual(["endsAt"]);
    expect(paths({ kind: "once", timeZone: "UTC", startsAt: at("2027-05-01T10:00:00Z"), endsAt: at("2027-05-08T10:00:01Z") })).toEqual(["endsAt"]);
  });
});
