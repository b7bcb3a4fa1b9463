// PostgreSQL is the source of truth: checks whose jobs were lost (Redis flushed or down when
// they were created) are enqueued again at start; checks whose job gave up are marked failed.
import type { Job, Queue } from "bullmq";
import { UnrecoverableError } from "bullmq";
import type { Logger } from "pino";
import { failCheck } from "../lib/checks/run-check";
import type { Db } from "../lib/db";
import { type CheckJob, enqueueCheck } from "../lib/queue/checks-queue";

/** Checks older than this are not worth running any more: the person has gone. */
const RECOVERY_WINDOW_MS = 60 * 60 * 1000;

export async function requeueUnfinishedChecks(db: Db, queue: Queue<CheckJob>, log: Logger): Promise<void> {
  try {
    const since = new Date(Date.now() - RECOVERY_WINDOW_MS);
    const unfinished = await db.check.findMany({
      where: { status: { in: ["queued", "running"] }, createdAt: { gte: since } },
      select: { id: true },
      take: 10_000,
    });
    for (const { id } of unfinished) await enqueueCheck(queue, id);
    const expired = await db.check.updateMany({
      where: { status: { in: ["queued", "running"] }, createdAt: { lt: since } },
      data: { status: "failed", errorCode: "expired", errorMessage: "The check could not be run in time.", finishedAt: new Date() },
    });
    if (unfinished.length || expired.count) log.info({ requeued: unfinished.length, expired: expired.count }, "recovered unfinished checks");
  } catch (error) {
    log.error({ err: (error as Error).message }, "recovery of unfinished checks failed");
  }
}

/** Will BullMQ try this job again, or was that its last failure? */
export function isFinalFailure(job: Job, error: Error): boolean {
  return error instanceof UnrecoverableError || error.name === "UnrecoverableError" || job.attemptsMade >= (job.opts.attempts ?? 1);
}

/** After BullMQ's last attempt, the check must not stay "running" forever. */
export async function failUnfinishedJob(db: Db, job: Job<CheckJob>, error: Error, log: Logger): Promise<void> {
  if (!isFinalFailure(job, error) || !job.data?.checkId) return;
  try {
    await failCheck(db, job.data.checkId, "internal_error", "The check could not be completed. Please try again.");
  } catch (dbError) {
    log.error({ err: (dbError as Error).message, checkId: job.data.checkId }, "could not mark check failed");
  }
}
