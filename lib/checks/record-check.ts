// The central side of a check's runs: store a region's verdicts (first write wins), count its chunks,
// finish the run when every chunk has reported, and the check when every run has finished. Used by a
// worker that probes next to the database and by the consumer of the "verdicts" queue alike.
import { type Db, sqlPool } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { CheckChunkDone, CheckVerdicts } from "../queue/probe-queues";
import { REGION_UNAVAILABLE_MESSAGE } from "../regions/choose-regions";

type Result = CheckVerdicts["results"][number];

function resultRow(run: Pick<CheckVerdicts, "checkId" | "region" | "probe" | "withOwnership">, { port, address, family, verdict }: Result): Prisma.CheckResultCreateManyInput {
  return {
    checkId: run.checkId,
    region: run.region,
    probe: run.probe,
    port,
    family,
    address,
    state: verdict.state === "open|filtered" ? "open_filtered" : verdict.state,
    reason: verdict.reason,
    latencyMs: verdict.latencyMs,
    errorCode: verdict.errorCode,
    tls: (verdict.tls ?? undefined) as object | undefined,
    banner: (verdict.banner ?? undefined) as object | undefined,
    verified: run.withOwnership ? (verdict.verified ?? false) : null,
    checkedAt: new Date(),
  };
}

/** Results as they come; an empty list says the region has started. */
export async function recordCheckResults(db: Db, message: CheckVerdicts, options: { onlyActive: boolean }): Promise<void> {
  if (message.results.length === 0) {
    await db.$executeRaw`UPDATE check_runs SET status = 'running', started_at = now() WHERE check_id = ${message.checkId} AND region = ${message.region} AND status = 'queued'`;
    await db.$executeRaw`UPDATE checks SET status = 'running', started_at = now() WHERE id = ${message.checkId} AND status = 'queued'`;
    return;
  }
  // From afar, a run already ended (its region was declared unavailable) takes no more results.
  if (options.onlyActive) {
    const run = await db.checkRun.findUnique({ where: { checkId_region: { checkId: message.checkId, region: message.region } }, select: { status: true } });
    if (!run || run.status === "done" || run.status === "failed") return;
  }
  await db.checkResult.createMany({ data: message.results.map((result) => resultRow(message, result)), skipDuplicates: true });
}

// How a check ends, from a relation "runs" of all its runs (region, status, error, finished_at): done when
// any run is done, else failed with the earliest run's failure; the ownership token is forgotten.
const CHECK_ENDS = `
    status = (CASE WHEN EXISTS (SELECT 1 FROM runs WHERE status = 'done') THEN 'done' ELSE 'failed' END)::"CheckStatus",
    error_code = CASE WHEN EXISTS (SELECT 1 FROM runs WHERE status = 'done') THEN NULL
                      ELSE (SELECT error_code FROM runs ORDER BY finished_at, region LIMIT 1) END,
    error_message = CASE WHEN EXISTS (SELECT 1 FROM runs WHERE status = 'done') THEN NULL
                      ELSE (SELECT error_message FROM runs ORDER BY finished_at, region LIMIT 1) END,
    finished_at = now(),
    verify_token = NULL`;

// A chunk's end in one statement: the run counts the chunk (once, while it is unfinished), the results it
// carries are stored only then (first write wins), and the check ends when this was its last unfinished
// run: done when any run is done, else failed with the earliest run's failure. The other runs are read as
// they were when the statement began; this run's new row comes from the "run" step, which that snapshot
// does not show yet. Two regions that end at the same moment each see the other still running, so neither
// ends the check here: the statement says whether its run ended, and then recordChunkDone asks again in a
// statement of its own (FINISH_SQL), whose snapshot shows every run that ended before it. A chunk end that
// does not end the check moves it from queued to running (a quick chunk never said it started). Named:
// parsed and planned once per connection.
const CHUNK_DONE_SQL = `
WITH run AS (
  UPDATE check_runs SET
    finished_chunks = finished_chunks || $3::int,
    started_at = COALESCE(started_at, now()),
    addresses = COALESCE(addresses, $4::jsonb),
    error_code = COALESCE(error_code, $5),
    error_message = COALESCE(error_message, $6),
    status = (CASE WHEN cardinality(finished_chunks) + 1 < chunks THEN 'running'
                   WHEN COALESCE(error_code, $5) IS NULL THEN 'done'
                   ELSE 'failed' END)::"CheckStatus",
    finished_at = CASE WHEN cardinality(finished_chunks) + 1 < chunks THEN NULL ELSE now() END
  WHERE check_id = $1 AND region = $2 AND status IN ('queued', 'running') AND NOT ($3::int = ANY(finished_chunks))
  RETURNING region, status, error_code, error_message, finished_at
), stored AS (
  INSERT INTO check_results (check_id, region, probe, port, family, address, state, reason, latency_ms, error_code, tls, banner, verified, checked_at)
  SELECT $1, $2, $7::"ProbeKind", r.port, r.family, r.address,
         (CASE r.state WHEN 'open_filtered' THEN 'open|filtered' ELSE r.state END)::"VerdictState",
         r.reason, r."latencyMs", r."errorCode", r.tls, r.banner, r.verified, r."checkedAt"
    FROM json_to_recordset($8::json) AS r(port int, family smallint, address text, state text, reason text, "latencyMs" float8,
         "errorCode" text, tls jsonb, banner jsonb, verified boolean, "checkedAt" timestamptz)
   WHERE EXISTS (SELECT 1 FROM run)
  ON CONFLICT DO NOTHING
), runs AS (
  SELECT region, status, error_code, error_message, finished_at FROM check_runs WHERE check_id = $1 AND region <> $2
  UNION ALL SELECT region, status, error_code, error_message, finished_at FROM run
), ended AS (
  UPDATE checks c SET ${CHECK_ENDS},
    started_at = COALESCE(c.started_at, now())
  WHERE c.id = $1 AND c.status IN ('queued', 'running')
    AND EXISTS (SELECT 1 FROM run WHERE status <> 'running')
    AND NOT EXISTS (SELECT 1 FROM runs WHERE status IN ('queued', 'running'))
  RETURNING c.id
), progressed AS (
  UPDATE checks SET status = 'running', started_at = COALESCE(started_at, now())
  WHERE id = $1 AND status = 'queued' AND EXISTS (SELECT 1 FROM run) AND NOT EXISTS (SELECT 1 FROM ended)
)
SELECT EXISTS (SELECT 1 FROM ended) AS ended,
       EXISTS (SELECT 1 FROM run) AS counted,
       EXISTS (SELECT 1 FROM run WHERE status <> 'running') AS run_ended`;

/** A chunk's end, with the results it carries, in one statement. Returns whether the whole check finished with it. */
export async function recordChunkDone(db: Db, message: CheckChunkDone): Promise<boolean> {
  const { rows: answer } = await sqlPool(db).query<{ ended: boolean; counted: boolean; run_ended: boolean }>({
    name: "check-chunk-done",
    text: CHUNK_DONE_SQL,
    values: [
      message.checkId,
      message.region,
      message.chunk,
      message.addresses ? JSON.stringify(message.addresses) : null,
      message.failure?.code ?? null,
      message.failure?.message ?? null,
      message.probe,
      JSON.stringify(message.results.map((result) => resultRow(message, result))),
    ],
  });
  const { ended, counted, run_ended: runEnded } = answer[0] ?? { ended: false, counted: false, run_ended: false };
  if (ended) return true;
  // This run ended but the check did not: another run may have ended in a statement that overlapped this
  // one, unseen by it. Asked after this statement's commit, one of the two sees both. A chunk end that
  // counted nothing is a repeat (a retry after this second look failed, say): it asks again too.
  return runEnded || !counted ? finishCheckIfDone(db, message.checkId) : false;
}

/**
 * The check ends when no run is unfinished: failed (with the first run's failure) when every run failed,
 * else done. The ownership token is forgotten then. Returns whether it ended now.
 */
const FINISH_SQL = `
WITH runs AS (SELECT region, status, error_code, error_message, started_at, finished_at FROM check_runs WHERE check_id = $1)
UPDATE checks c SET ${CHECK_ENDS},
  started_at = COALESCE(c.started_at, (SELECT min(started_at) FROM runs))
WHERE c.id = $1 AND c.status IN ('queued', 'running') AND NOT EXISTS (SELECT 1 FROM runs WHERE status IN ('queued', 'running'))`;

export async function finishCheckIfDone(db: Db, checkId: string): Promise<boolean> {
  const { rowCount } = await sqlPool(db).query({ name: "check-finish", text: FINISH_SQL, values: [checkId] });
  return (rowCount ?? 0) > 0;
}

/** Ends one region's part as failed (first outcome wins), then the check if that was the last part. */
export async function failRun(db: Db, checkId: string, region: string, code: string, message: string): Promise<boolean> {
  await db.checkRun.updateMany({
    where: { checkId, region, status: { in: ["queued", "running"] } },
    data: { status: "failed", errorCode: code, errorMessage: message, finishedAt: new Date() },
  });
  return finishCheckIfDone(db, checkId);
}

/** Runs of regions with no live worker end as region_unavailable. Returns the checks that ended. */
export async function failRunsOfDeadRegions(db: Db, live: ReadonlySet<string>, since: Date): Promise<string[]> {
  const runs = await db.checkRun.findMany({
    where: { status: { in: ["queued", "running"] }, createdAt: { gte: since }, region: { notIn: [...live] } },
    select: { checkId: true, region: true },
    take: 1000,
  });
  const ended: string[] = [];
  for (const run of runs) {
    if (await failRun(db, run.checkId, run.region, "region_unavailable", REGION_UNAVAILABLE_MESSAGE)) ended.push(run.checkId);
  }
  return ended;
}

/**
 * Checks whose every run ended but which did not end themselves: the statement that would have ended one
 * failed after its run's end was stored (a lost connection, a crash between the two), and nothing asks
 * again. Looked at among the checks created in the 35 minutes before `now`, older than one. Returns those ended.
 */
const ENDED_RUNS_SQL = `
SELECT c.id FROM checks c
 WHERE c.created_at >= $1::timestamptz - interval '35 minutes' AND c.created_at < $1::timestamptz - interval '1 minute'
   AND c.status IN ('queued', 'running')
   AND NOT EXISTS (SELECT 1 FROM check_runs r WHERE r.check_id = c.id AND r.status IN ('queued', 'running'))
 LIMIT 1000`;

export async function finishChecksWithEndedRuns(db: Db, now: Date = new Date()): Promise<string[]> {
  const { rows } = await sqlPool(db).query<{ id: string }>({ name: "checks-with-ended-runs", text: ENDED_RUNS_SQL, values: [now] });
  const ended: string[] = [];
  for (const { id } of rows) if (await finishCheckIfDone(db, id)) ended.push(id);
  return ended;
}
