import { describe, expect, it } from "vitest";
import { uptimeFigures, uptimeRatio } from "./uptime";

const now = new Date("2026-11-23T12:00:00Z");
const hoursAgo = (hours: number) => new Date(now.getTime() - hours * 3600_000);

describe("uptime", () => {
  it("is null without data", () => {
    expect(uptimeRatio([], 3600_000, now)).toBeNull();
  });

  it("counts only the part of each period inside the window", () => {
    const periods = [
      { state: "up" as const, startedAt: hoursAgo(48), endedAt: hoursAgo(12) },
      { state: "down" as const, startedAt: hoursAgo(12), endedAt: hoursAgo(6) },
      { state: "up" as const, startedAt: hoursAgo(6), endedAt: null },
    ];
    expect(uptimeRatio(periods, 24 * 3600_000, now)).toBeCloseTo(18 / 24);
    expect(uptimeRatio(periods, 6 * 3600_000, now)).toBe(1);
    expect(uptimeFigures(periods, now)).toEqual({ "24h": 75, "7d": 87.5, "30d": 87.5 });
  });

  it("ignores time with no known state (pending, paused)", () => {
    const periods = [{ state: "down" as const, startedAt: hoursAgo(2), endedAt: hoursAgo(1) }];
    expect(uptimeRatio(periods, 24 * 3600_000, now)).toBe(0);
  });
});
