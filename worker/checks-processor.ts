// The BullMQ processor for the "checks" queue: maps runCheck's outcomes onto BullMQ's semantics.
// Verdicts are results, infrastructure errors are retried, policy refusals are unrecoverable.
import { DelayedError, type Job, UnrecoverableError } from "bullmq";
import type { Logger } from "pino";
import { type RunCheckDeps, type RunOutcome, runCheck } from "../lib/checks/run-check";
import { type CheckJob, checkJobSchema } from "../lib/queue/checks-queue";
import { TargetError } from "../lib/targets/errors";

export function createChecksProcessor(deps: Omit<RunCheckDeps, "isFinalAttempt" | "log"> & { log: Logger }) {
  return async (job: Job<CheckJob>, token?: string): Promise<RunOutcome> => {
    const data = checkJobSchema.safeParse(job.data);
    if (!data.success) throw new UnrecoverableError("malformed job payload");
    const { checkId } = data.data;
    const log = deps.log.child({ checkId, jobId: job.id, attempt: job.attemptsMade + 1 });
    let outcome: RunOutcome;
    try {
      outcome = await runCheck(checkId, {
        ...deps,
        log,
        isFinalAttempt: job.attemptsMade + 1 >= (job.opts.attempts ?? 1),
      });
    } catch (error) {
      if (error instanceof TargetError && !error.transient) throw new UnrecoverableError(`${error.code}: ${error.message}`);
      throw error;
    }
    if (outcome === "interrupted") {
      // Shutting down: hand the job back without spending an attempt; another worker finishes it.
      log.info("check interrupted by shutdown, handed back");
      await job.moveToDelayed(Date.now(), token);
      throw new DelayedError();
    }
    log.debug({ outcome }, "check processed");
    return outcome;
  };
}
