// The common vote, cheaply: a run that moves a streak but changes no state, opens no incident and sends
// no alert (nearly every run of a healthy monitor). One plain-SQL read (the monitor, its regions' states
// and the maintenance windows that may cover it), the pure decision of record-vote.ts, and one statement
// that writes the result, the region's state and the monitor's streak together: no transaction, no lock,
// no Prisma query planning on the worker's one thread.
//
// Optimistic: the write names the monitor row's version (PostgreSQL's xmin, which every update of the row
// changes) as it was read, and that no result exists yet for this slot. If another vote, an edit or a
// pause came in between, or the slot was already recorded, the statement writes nothing at all and the
// caller takes the locked path (recordVoteLocked), which decides again from what is there.
import { familyNameSql } from "../checks/check-options";
import { type Db, sqlPool } from "../db";
import { activeWindow } from "../maintenance/schedule";
import { scheduleOf } from "../maintenance/covering-windows";
import type { MonitorVerdict } from "../queue/probe-queues";
import { certificateAlertDue } from "./certificate-alert";
import { decideVote, type MonitorRunOutcome, type VoteSubject, voteIsCurrent } from "./record-vote";

const READ = `
SELECT m.xmin::text AS version, m.paused, m.host, m.port, m.expect::text AS expect, m.timeout_ms AS "timeoutMs",
  m.protocol::text AS protocol, ${familyNameSql("m.family")} AS family,
  m.tls::text AS tls, m.send_text AS "sendText", m.expect_reply AS "expectReply", m.degraded_latency_ms AS "degradedLatencyMs",
  m.interval_seconds AS "intervalSeconds", m.confirmations, m.state::text AS state, m.alert_repeat_minutes AS "alertRepeatMinutes",
  m.cert_expiry_days AS "certExpiryDays", m.cert_alerted_fingerprint AS "certAlertedFingerprint", m.regions, m.quorum,
  (SELECT coalesce(json_agg(json_build_object('region', r.region, 'state', r.state, 'streakState', r.streak_state,
      'streakCount', r.streak_count, 'cause', r.cause, 'lastCheckedAt', r.last_checked_at)), '[]')
     FROM monitor_regions r WHERE r.monitor_id = m.id) AS "regionStates",
  (SELECT coalesce(json_agg(json_build_object('id', w.id, 'title', w.title, 'kind', w.kind, 'timeZone', w.time_zone,
      'startsAt', w.starts_at, 'endsAt', w.ends_at, 'days', w.days, 'startTime', w.start_time, 'expression', w.expression,
      'durationMinutes', w.duration_minutes)), '[]')
     FROM maintenance_windows w
    WHERE w.active AND w.user_id = m.user_id
      AND (EXISTS (SELECT 1 FROM maintenance_window_monitors wm WHERE wm.window_id = w.id AND wm.monitor_id = m.id)
        OR EXISTS (SELECT 1 FROM maintenance_window_status_pages ws
                     JOIN status_pages p ON p.id = ws.status_page_id AND p.user_id = w.user_id
                     JOIN status_page_monitors pm ON pm.status_page_id = p.id AND pm.monitor_id = m.id
                    WHERE ws.window_id = w.id))) AS windows
FROM monitors m WHERE m.id = $1`;

// The monitor's streak first, guarded; the region's state and the result only where that row was written.
const WRITE = `
WITH mon AS (
  UPDATE monitors SET streak_state = $4::"Observation", streak_count = $5, last_checked_at = $6
   WHERE id = $1 AND xmin = $2::xid
     AND NOT EXISTS (SELECT 1 FROM monitor_results WHERE monitor_id = $1 AND scheduled_at = $3 AND region = $7)
  RETURNING id
), reg AS (
  INSERT INTO monitor_regions (monitor_id, region, state, streak_state, streak_count, cause, last_checked_at)
  SELECT id, $7, $8::"MonitorState", $4::"Observation", $5, $9, $6 FROM mon
  ON CONFLICT (monitor_id, region) DO UPDATE SET state = EXCLUDED.state, streak_state = EXCLUDED.streak_state,
    streak_count = EXCLUDED.streak_count, cause = EXCLUDED.cause, last_checked_at = EXCLUDED.last_checked_at
)
INSERT INTO monitor_results (monitor_id, scheduled_at, checked_at, region, probe, state, reason, observation, family, address,
  latency_ms, error_code, detail, maintenance)
SELECT id, $3, $6, $7, $10::"ProbeKind", $11::"VerdictState", $12, $13::"Observation", $14, $15, $16, $17, $18::jsonb, $19 FROM mon
ON CONFLICT (monitor_id, scheduled_at, region) DO NOTHING
RETURNING id`;

interface WindowJson {
  id: string;
  title: string;
  kind: "once" | "weekly" | "cron";
  timeZone: string;
  startsAt: string | null;
  endsAt: string | null;
  days: number[] | null;
  startTime: string | null;
  expression: string | null;
  durationMinutes: number | null;
}

type Row = Omit<VoteSubject, "regionStates"> & {
  version: string;
  paused: boolean;
  alertRepeatMinutes: number;
  certExpiryDays: number | null;
  certAlertedFingerprint: string | null;
  regionStates: (Omit<VoteSubject["regionStates"][number], "lastCheckedAt"> & { lastCheckedAt: string | null })[];
  windows: WindowJson[];
};

/** True when one of these windows is on at `at`. */
function inMaintenance(windows: readonly WindowJson[], at: Date): boolean {
  if (windows.length === 0) return false;
  const judged = windows.map((row) => ({
    id: row.id,
    title: row.title,
    schedule: scheduleOf({
      ...row,
      startsAt: row.startsAt ? new Date(row.startsAt) : null,
      endsAt: row.endsAt ? new Date(row.endsAt) : null,
      days: row.days ?? [],
    }),
  }));
  return activeWindow(judged, at) !== null;
}

/**
 * Records a vote that changes no state in one statement. Returns null when this vote needs the locked path:
 * the monitor is gone, paused or changed, the state would change, a reminder or certificate alert may be
 * due, or someone else wrote the monitor meanwhile.
 */
export async function recordVoteFast(db: Db, message: MonitorVerdict, live: ReadonlySet<string>): Promise<MonitorRunOutcome | null> {
  const pool = sqlPool(db);
  // Named: each connection parses and plans the statement once, not on every run.
  const { rows } = await pool.query<Row>({ name: "vote-read", text: READ, values: [message.monitorId] });
  const row = rows[0];
  if (!row || row.paused) return null;
  const current: VoteSubject = {
    ...row,
    regionStates: row.regionStates.map((item) => ({ ...item, lastCheckedAt: item.lastCheckedAt ? new Date(item.lastCheckedAt) : null })),
  };
  if (!voteIsCurrent(current, message)) return null;
  const checkedAt = new Date(message.checkedAt);
  const maintenance = inMaintenance(row.windows, checkedAt);
  const vote = decideVote(current, message, live, maintenance);
  if (vote.changedTo) return null;
  if (!maintenance && row.state === "down" && row.alertRepeatMinutes > 0) return null;
  if (!maintenance && certificateAlertDue(row, vote.tls)) return null;
  const { result, mine, judged } = vote;
  const written = await pool.query({ name: "vote-write", text: WRITE, values: [
    message.monitorId,
    row.version,
    new Date(message.scheduledAt),
    mine.streakState,
    mine.streakCount,
    checkedAt,
    message.region,
    mine.state,
    judged.cause,
    result.probe,
    result.state === "open_filtered" ? "open|filtered" : result.state,
    result.reason,
    result.observation,
    result.family,
    result.address,
    result.latencyMs,
    result.errorCode,
    JSON.stringify(result.detail),
    result.maintenance,
  ] });
  return written.rowCount === 1 ? { kind: "recorded", deliveryIds: [] } : null;
}
