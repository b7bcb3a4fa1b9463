import { describe, expect, it } from "vitest";
import { knownSince, uptimeFigures, uptimeRatio, uptimeWindows } from "./uptime";

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

describe("uptime clipped to the monitor's age", () => {
  it("shows one 'since' figure for a three-minute-old monitor, not the same figure for 24 h, 7 d and 30 d", () => {
    const periods = [
      { state: "up" as const, startedAt: new Date(now.getTime() - 180_000), endedAt: new Date(now.getTime() - 60_000) },
      { state: "down" as const, startedAt: new Date(now.getTime() - 60_000), endedAt: null },
    ];
    const since = knownSince(periods);
    expect(since).toEqual(new Date(now.getTime() - 180_000));
    expect(uptimeWindows(uptimeFigures(periods, now), since, now)).toEqual([{ window: "since", percent: 66.667, since }]);
  });

  it("shows each window the known time fills, then 'since' for the rest", () => {
    const periods = [{ state: "up" as const, startedAt: hoursAgo(72), endedAt: null }];
    const since = knownSince(periods);
    expect(uptimeWindows(uptimeFigures(periods, now), since, now)).toEqual([{ window: "24h", percent: 100 }, { window: "since", percent: 100, since }]);
    const old = [{ state: "up" as const, startedAt: hoursAgo(24 * 40), endedAt: null }];
    expect(uptimeWindows(uptimeFigures(old, now), knownSince(old), now).map((figure) => figure.window)).toEqual(["24h", "7d", "30d"]);
  });
});
