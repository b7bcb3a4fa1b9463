// The worker process: runs instant checks from the "checks" queue until SIGTERM or SIGINT.
import { Worker } from "bullmq";
import { createDb } from "../lib/db";
import { loadEnvOrExit } from "../lib/env";
import { createLimiters } from "../lib/limits/rate-limits";
import { logger } from "../lib/logger";
import { CHECKS_QUEUE, type CheckJob, createChecksQueue } from "../lib/queue/checks-queue";
import { createWorkerRedis } from "../lib/redis";
import { createChecksProcessor } from "./checks-processor";
import { failUnfinishedJob, requeueUnfinishedChecks } from "./recovery";

/** In-flight probes finish (at most the 10 s maximum timeout), then the process exits regardless. */
const SHUTDOWN_GRACE_MS = 20_000;

const config = loadEnvOrExit();
const log = logger.child({ service: "worker" });
const db = createDb();
const connection = createWorkerRedis();
const limitsRedis = createWorkerRedis();
const shutdownSignal = new AbortController();

const worker = new Worker<CheckJob>(
  CHECKS_QUEUE,
  createChecksProcessor({
    db,
    limiters: createLimiters(limitsRedis),
    rules: { allowlist: config.TARGET_ALLOWLIST, denylist: config.TARGET_DENYLIST },
    parallelism: config.PROBE_PARALLELISM,
    signal: shutdownSignal.signal,
    log,
  }),
  {
    connection,
    prefix: config.REDIS_PREFIX,
    concurrency: config.WORKER_CONCURRENCY,
    // A dead worker's job is noticed within about 30 s and run again by another worker.
    lockDuration: 15_000,
    stalledInterval: 15_000,
    maxStalledCount: 3,
  },
);

worker.on("failed", (job, error) => {
  if (!job) return;
  log.warn({ jobId: job.id, attemptsMade: job.attemptsMade, err: error.message }, "check job failed");
  void failUnfinishedJob(db, job, error, log);
});
worker.on("error", (error) => log.error({ err: error.message }, "worker error"));
worker.on("ready", () => log.info({ concurrency: config.WORKER_CONCURRENCY }, "worker ready"));

void requeueUnfinishedChecks(db, createChecksQueue(connection), log);

let closing = false;
async function shutdown(signal: string): Promise<void> {
  if (closing) return;
  closing = true;
  log.info({ signal }, "shutting down: finishing in-flight probes");
  setTimeout(() => {
    log.error("shutdown took too long; exiting");
    process.exit(1);
  }, SHUTDOWN_GRACE_MS).unref();
  shutdownSignal.abort();
  await worker.close();
  await Promise.allSettled([db.$disconnect(), connection.quit(), limitsRedis.quit()]);
  log.info("worker stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
