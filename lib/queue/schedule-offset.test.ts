import { describe, expect, it } from "vitest";
import { scheduleOffsetMs } from "./monitor-queues";

describe("scheduleOffsetMs", () => {
  it("is stable for a monitor and inside its interval, never 0", () => {
    expect(scheduleOffsetMs("mon_abc", 60_000)).toBe(scheduleOffsetMs("mon_abc", 60_000));
    for (let i = 0; i < 1000; i++) {
      const offset = scheduleOffsetMs(`m${i}`, 60_000);
      expect(offset).toBeGreaterThanOrEqual(1);
      expect(offset).toBeLessThan(60_000);
    }
    expect(scheduleOffsetMs("x", 1000)).toBeLessThan(1000);
  });

  it("spreads 10,000 monitors over the minute: no second holds more than twice its share", () => {
    const perSecond = new Array<number>(60).fill(0);
    for (let i = 0; i < 10_000; i++) perSecond[Math.floor(scheduleOffsetMs(`cm${(i * 7919).toString(36)}x${i}`, 60_000) / 1000)]!++;
    const share = 10_000 / 60;
    expect(Math.max(...perSecond)).toBeLessThan(2 * share);
    expect(Math.min(...perSecond)).toBeGreaterThan(share / 2);
  });
});
