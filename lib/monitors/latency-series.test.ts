import { describe, expect, it } from "vitest";
import { latencySeries } from "./latency-series";

const at = (second: number) => new Date(Date.UTC(2026, 11, 7, 12, 0, second)).toISOString();
const base = Date.UTC(2026, 11, 7, 12, 0, 0) / 1000;

describe("latencySeries", () => {
  it("aligns regions on one time axis and leaves a gap where a run had no handshake", () => {
    const data = latencySeries(
      [
        { checkedAt: at(20), region: "local", latencyMs: 3.14159 },
        { checkedAt: at(0), region: "local", latencyMs: 1 },
        { checkedAt: at(10), region: "local", latencyMs: null },
        { checkedAt: at(10), region: "eu", latencyMs: 7 },
      ],
      [],
      new Date(at(0)),
    );
    expect(data.times).toEqual([base, base + 10, base + 20]);
    expect(data.series).toEqual([
      { region: "eu", values: [null, 7, null] },
      { region: "local", values: [1, null, 3.1] },
    ]);
  });

  it("keeps down incidents only, clipped to the window, ongoing ones open-ended", () => {
    const data = latencySeries(
      [],
      [
        { state: "down", startedAt: at(0), endedAt: at(5) },
        { state: "up", startedAt: at(5), endedAt: at(30) },
        { state: "degraded", startedAt: at(30), endedAt: at(40) },
        { state: "down", startedAt: at(50), endedAt: null },
        { state: "down", startedAt: at(1), endedAt: at(2) },
      ],
      new Date(at(3)),
    );
    expect(data.outages).toEqual([
      { start: base + 3, end: base + 5 },
      { start: base + 50, end: null },
    ]);
  });
});
