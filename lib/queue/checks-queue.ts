// The "checks" queue: one job per instant check, carrying only the check's id.
import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { z } from "zod";
import { env } from "../env";

export const CHECKS_QUEUE = "checks";

export const checkJobSchema = z.object({ checkId: z.string().min(1).max(64) });
export type CheckJob = z.infer<typeof checkJobSchema>;

/** Retries are for infrastructure failures (PostgreSQL or Redis away); verdicts are never retried. */
export const CHECK_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: "exponential", delay: 1000 },
  removeOnComplete: { age: 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;

export function createChecksQueue(connection: Redis): Queue<CheckJob> {
  return new Queue<CheckJob>(CHECKS_QUEUE, { connection, prefix: env().REDIS_PREFIX });
}

/** A producer must not wait for Redis forever: after this, add() counts as failed (503). */
const ENQUEUE_TIMEOUT_MS = 3000;

/** Idempotent: the job id is the check id, so enqueueing twice runs the check once. */
export async function enqueueCheck(queue: Queue<CheckJob>, checkId: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error("Command timed out: enqueue"), { code: "ETIMEDOUT" })), ENQUEUE_TIMEOUT_MS);
  });
  try {
    await Promise.race([queue.add("check", { checkId }, { ...CHECK_JOB_OPTIONS, jobId: checkId }), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
