// PostgreSQL is the source of truth: the chunks of unfinished runs whose jobs were lost (Redis flushed or
// down when the check was created) are enqueued again at start; runs that are too old are failed.
import { isIP } from "node:net";
import type { Job } from "bullmq";
import { UnrecoverableError } from "bullmq";
import type { Logger } from "pino";
import { addChunkJobs, chunkJobs } from "../lib/checks/dispatch-check";
import { failRun } from "../lib/checks/record-check";
import type { Db } from "../lib/db";
import { type QueueFor, withEnqueueTimeout } from "../lib/queue/probe-queues";

/** Checks older than this are not worth running any more: the person has gone. */
const RECOVERY_WINDOW_MS = 60 * 60 * 1000;

export async function requeueUnfinishedRuns(db: Db, queueFor: QueueFor, log: Logger): Promise<void> {
  try {
    const since = new Date(Date.now() - RECOVERY_WINDOW_MS);
    const runs = await db.checkRun.findMany({
      where: { status: { in: ["queued", "running"] }, createdAt: { gte: since } },
      select: { region: true, chunks: true, finishedChunks: true, check: { select: { id: true, host: true, ports: true, timeoutMs: true, protocol: true, family: true, tls: true, verifyToken: true } } },
      take: 10_000,
    });
    for (const run of runs) {
      const missing = new Set(Array.from({ length: run.chunks }, (_, chunk) => chunk).filter((chunk) => !run.finishedChunks.includes(chunk)));
      const jobs = chunkJobs({ ...run.check, literal: isIP(run.check.host) !== 0 }, run.region, run.chunks, missing);
      if (jobs.length) await withEnqueueTimeout(addChunkJobs(queueFor, run.region, jobs));
    }
    const expired = await db.checkRun.findMany({ where: { status: { in: ["queued", "running"] }, createdAt: { lt: since } }, select: { checkId: true, region: true }, take: 10_000 });
    for (const run of expired) await failRun(db, run.checkId, run.region, "expired", "The check could not be run in time.");
    if (runs.length || expired.length) log.info({ requeued: runs.length, expired: expired.length }, "recovered unfinished check runs");
  } catch (error) {
    log.error({ err: (error as Error).message }, "recovery of unfinished check runs failed");
  }
}

/** Will BullMQ try this job again, or was that its last failure? */
export function isFinalFailure(job: Job, error: Error): boolean {
  return error instanceof UnrecoverableError || error.name === "UnrecoverableError" || job.attemptsMade >= (job.opts.attempts ?? 1);
}
