// Uptime from state periods (incidents), not from raw results, so pruning old results changes nothing.

export interface StatePeriod {
  state: "up" | "degraded" | "down";
  startedAt: Date;
  endedAt: Date | null;
}

/** Share of known time (up or down) spent up within [now - windowMs, now], or null without data. */
export function uptimeRatio(periods: readonly StatePeriod[], windowMs: number, now: Date = new Date()): number | null {
  const from = now.getTime() - windowMs;
  let up = 0;
  let known = 0;
  for (const period of periods) {
    const start = Math.max(period.startedAt.getTime(), from);
    const end = Math.min(period.endedAt?.getTime() ?? now.getTime(), now.getTime());
    if (end <= start) continue;
    known += end - start;
    // Slow is still available.
    if (period.state !== "down") up += end - start;
  }
  return known === 0 ? null : up / known;
}

export const UPTIME_WINDOWS = { "24h": 24 * 3600_000, "7d": 7 * 24 * 3600_000, "30d": 30 * 24 * 3600_000 } as const;

export type Uptime = Record<keyof typeof UPTIME_WINDOWS, number | null>;

export function uptimeFigures(periods: readonly StatePeriod[], now: Date = new Date()): Uptime {
  return {
    "24h": round(uptimeRatio(periods, UPTIME_WINDOWS["24h"], now)),
    "7d": round(uptimeRatio(periods, UPTIME_WINDOWS["7d"], now)),
    "30d": round(uptimeRatio(periods, UPTIME_WINDOWS["30d"], now)),
  };
}

/** Percent with three decimals (99.999), or null. */
function round(ratio: number | null): number | null {
  return ratio === null ? null : Math.round(ratio * 100_000) / 1000;
}

/** The start of the earliest known state period, or null: how far back the uptime figures really reach. */
export function knownSince(periods: readonly StatePeriod[]): Date | null {
  return periods.reduce<Date | null>((earliest, period) => (!earliest || period.startedAt < earliest ? period.startedAt : earliest), null);
}

export interface UptimeWindowFigure {
  /** "24 h", "7 d", "30 d", or "since" when the monitor is younger than the window. */
  window: keyof typeof UPTIME_WINDOWS | "since";
  percent: number | null;
  /** For "since": when the known time began. */
  since?: Date;
}

/**
 * The windows worth showing: each one the monitor's known time fills, then one "since <start>" figure
 * for the rest, instead of the same figure three times labelled 24 h, 7 d and 30 d.
 */
export function uptimeWindows(uptime: Uptime, since: Date | null, now: Date = new Date()): UptimeWindowFigure[] {
  const figures: UptimeWindowFigure[] = [];
  for (const window of Object.keys(UPTIME_WINDOWS) as (keyof typeof UPTIME_WINDOWS)[]) {
    if (since && since.getTime() > now.getTime() - UPTIME_WINDOWS[window]) {
      figures.push({ window: "since", percent: uptime[window], since });
      return figures;
    }
    figures.push({ window, percent: uptime[window] });
  }
  return figures;
}
