// The last results of many monitors at once (one query), for heartbeat bars: oldest first.
import type { Db } from "../db";

export interface Beat {
  observation: "up" | "degraded" | "down";
  state: string;
  region: string;
  checkedAt: string;
  latencyMs: number | null;
  /** Taken during a maintenance window. */
  maintenance: boolean;
}

export async function recentBeats(db: Db, monitorIds: readonly string[], perMonitor: number): Promise<Map<string, Beat[]>> {
  const beats = new Map<string, Beat[]>(monitorIds.map((id) => [id, []]));
  if (monitorIds.length === 0) return beats;
  const rows = await db.$queryRaw<{ monitor_id: string; observation: Beat["observation"]; state: string; region: string; checked_at: Date; latency_ms: number | null; maintenance: boolean }[]>`
    SELECT monitor_id, observation::text AS observation, state::text AS state, region, checked_at, latency_ms, maintenance FROM (
      SELECT monitor_id, observation, state, region, checked_at, latency_ms, maintenance, row_number() OVER (PARTITION BY monitor_id ORDER BY id DESC) AS rank
      FROM monitor_results WHERE monitor_id = ANY(${[...monitorIds]}::text[])
    ) recent WHERE rank <= ${perMonitor} ORDER BY checked_at`;
  for (const row of rows) {
    beats.get(row.monitor_id)?.push({
      observation: row.observation,
      state: row.state === "open_filtered" ? "open|filtered" : row.state,
      region: row.region,
      checkedAt: row.checked_at.toISOString(),
      latencyMs: row.latency_ms,
      maintenance: row.maintenance,
    });
  }
  return beats;
}
