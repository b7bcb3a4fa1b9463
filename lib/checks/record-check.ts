// The central side of a check's runs: store a region's verdicts (first write wins), count its chunks,
// finish the run when every chunk has reported, and the check when every run has finished. Used by a
// worker that probes next to the database and by the consumer of the "verdicts" queue alike.
import type { Db } from "../db";
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

/** A chunk's end. Returns whether the whole check finished with it. */
export async function recordChunkDone(db: Db, message: CheckChunkDone): Promise<boolean> {
  if (message.results.length) await recordCheckResults(db, { ...message, kind: "check-results" }, { onlyActive: true });
  const addresses = message.addresses ? JSON.stringify(message.addresses) : null;
  const finished = await db.$queryRaw<{ status: string }[]>`
    UPDATE check_runs SET
      finished_chunks = finished_chunks || ${message.chunk}::int,
      started_at = COALESCE(started_at, now()),
      addresses = COALESCE(addresses, ${addresses}::jsonb),
      error_code = COALESCE(error_code, ${message.failure?.code ?? null}),
      error_message = COALESCE(error_message, ${message.failure?.message ?? null}),
      status = (CASE WHEN cardinality(finished_chunks) + 1 < chunks THEN 'running'
                     WHEN COALESCE(error_code, ${message.failure?.code ?? null}) IS NULL THEN 'done'
                     ELSE 'failed' END)::"CheckStatus",
      finished_at = CASE WHEN cardinality(finished_chunks) + 1 < chunks THEN NULL ELSE now() END
    WHERE check_id = ${message.checkId} AND region = ${message.region}
      AND status IN ('queued', 'running') AND NOT (${message.chunk}::int = ANY(finished_chunks))
    RETURNING status::text AS status`;
  if (finished.length === 0 || finished[0]!.status === "running") return false;
  return finishCheckIfDone(db, message.checkId);
}

/**
 * The check ends when no run is unfinished: failed (with the first run's failure) when every run failed,
 * else done. The ownership token is forgotten then. Returns whether it ended now.
 */
export async function finishCheckIfDone(db: Db, checkId: string): Promise<boolean> {
  const count = await db.$executeRaw`
    UPDATE checks c SET
      status = (CASE WHEN EXISTS (SELECT 1 FROM check_runs r WHERE r.check_id = c.id AND r.status = 'done') THEN 'done' ELSE 'failed' END)::"CheckStatus",
      error_code = CASE WHEN EXISTS (SELECT 1 FROM check_runs r WHERE r.check_id = c.id AND r.status = 'done') THEN NULL
                        ELSE (SELECT r.error_code FROM check_runs r WHERE r.check_id = c.id ORDER BY r.finished_at, r.region LIMIT 1) END,
      error_message = CASE WHEN EXISTS (SELECT 1 FROM check_runs r WHERE r.check_id = c.id AND r.status = 'done') THEN NULL
                        ELSE (SELECT r.error_message FROM check_runs r WHERE r.check_id = c.id ORDER BY r.finished_at, r.region LIMIT 1) END,
      finished_at = now(),
      verify_token = NULL
    WHERE c.id = ${checkId} AND c.status IN ('queued', 'running')
      AND NOT EXISTS (SELECT 1 FROM check_runs r WHERE r.check_id = c.id AND r.status IN ('queued', 'running'))`;
  return count > 0;
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
