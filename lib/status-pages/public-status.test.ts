import { describe, expect, it } from "vitest";
import { dailyUptime } from "./public-status";

describe("dailyUptime", () => {
  it("gives 90 UTC days, oldest first, null before anything was known, and the share up on each day", () => {
    const now = new Date("2026-11-25T12:00:00Z");
    const periods = [
      { state: "up" as const, startedAt: new Date("2026-11-24T00:00:00Z"), endedAt: new Date("2026-11-24T18:00:00Z") },
      { state: "down" as const, startedAt: new Date("2026-11-24T18:00:00Z"), endedAt: new Date("2026-11-25T06:00:00Z") },
      { state: "up" as const, startedAt: new Date("2026-11-25T06:00:00Z"), endedAt: null },
    ];
    const days = dailyUptime(periods, now);
    expect(days).toHaveLength(90);
    expect(days[0]).toEqual({ date: "2026-08-28", percent: null });
    expect(days.at(-2)).toEqual({ date: "2026-11-24", percent: 75 });
    // Today so far: 6 h down, 6 h up.
    expect(days.at(-1)).toEqual({ date: "2026-11-25", percent: 50 });
  });
});
