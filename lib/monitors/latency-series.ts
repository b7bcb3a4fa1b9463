// The latency chart's data: one time axis for all regions, a value per region and run (null where the run
// had no handshake, so the line breaks there), and the outages of the window in seconds.

export interface LatencyResult {
  checkedAt: string;
  region: string;
  latencyMs: number | null;
}

export interface LatencySeriesData {
  times: number[];
  series: { region: string; values: (number | null)[] }[];
  outages: { start: number; end: number | null }[];
}

/** Results in any order; incidents of any state (only "down" ones are outages); `since` clips outages that began earlier. */
export function latencySeries(results: LatencyResult[], incidents: { state: string; startedAt: string; endedAt: string | null }[], since: Date): LatencySeriesData {
  const seconds = (iso: string) => Math.round(Date.parse(iso) / 1000);
  const times = [...new Set(results.map((result) => seconds(result.checkedAt)))].sort((a, b) => a - b);
  const index = new Map(times.map((time, position) => [time, position]));
  const regions = [...new Set(results.map((result) => result.region))].sort();
  const series = regions.map((region) => ({ region, values: new Array<number | null>(times.length).fill(null) }));
  const byRegion = new Map(series.map((line) => [line.region, line]));
  for (const result of results) {
    if (result.latencyMs === null) continue;
    byRegion.get(result.region)!.values[index.get(seconds(result.checkedAt))!] = Math.round(result.latencyMs * 10) / 10;
  }
  const from = Math.round(since.getTime() / 1000);
  const outages = incidents
    .filter((incident) => incident.state === "down" && (incident.endedAt === null || seconds(incident.endedAt) > from))
    .map((incident) => ({ start: Math.max(from, seconds(incident.startedAt)), end: incident.endedAt === null ? null : seconds(incident.endedAt) }))
    .sort((a, b) => a.start - b.start);
  return { times, series, outages };
}
