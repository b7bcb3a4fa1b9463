// The worker process: instant checks, scheduled monitor runs, alert deliveries and maintenance,
// until SIGTERM or SIGINT.
import { Queue, Worker } from "bullmq";
import { markDeliveryFailed } from "../lib/alerts/send-alert";
import { createDb } from "../lib/db";
import { loadEnvOrExit } from "../lib/env";
import { createLimiters } from "../lib/limits/rate-limits";
import { logger } from "../lib/logger";
import { requeuePendingDeliveries, syncSchedulers } from "../lib/monitors/sync-schedulers";
import { checkNotifier } from "../lib/checks/check-events";
import { createThreadRunner } from "../lib/probes/thread-runner";
import { createResolver } from "../lib/targets/dns-resolver";
import { CHECKS_QUEUE, type CheckJob, createChecksQueue } from "../lib/queue/checks-queue";
import { ALERTS_QUEUE, type AlertJob, createMonitorQueues, MAINTENANCE_QUEUE, type MaintenanceJob, MONITORS_QUEUE, type MonitorJob } from "../lib/queue/monitor-queues";
import { createWorkerRedis } from "../lib/redis";
import { createChecksProcessor } from "./checks-processor";
import { createAlertProcessor, createMaintenanceProcessor, createMonitorProcessor, scheduleMaintenance } from "./monitor-processors";
import { failUnfinishedJob, isFinalFailure, requeueUnfinishedChecks } from "./recovery";

/** In-flight probes finish (at most the 10 s maximum timeout), then the process exits regardless. */
const SHUTDOWN_GRACE_MS = 20_000;

const config = loadEnvOrExit();
const log = logger.child({ service: "worker" });
const db = createDb();
const connection = createWorkerRedis();
const limitsRedis = createWorkerRedis();
const shutdownSignal = new AbortController();
const rules = { allowlist: config.TARGET_ALLOWLIST, denylist: config.TARGET_DENYLIST };
const resolver = createResolver({ servers: config.DNS_SERVERS, timeoutMs: config.DNS_TIMEOUT_MS });
// Probes run on a thread of their own, so the handshake time they report is not this thread's backlog.
const probeThread = createThreadRunner();
const runner = probeThread.run;
const notify = checkNotifier(limitsRedis, config.REDIS_PREFIX);
const prefix = config.REDIS_PREFIX;
// A dead worker's job is noticed within about 30 s and run again by another worker.
const stallOptions = { lockDuration: 15_000, stalledInterval: 15_000, maxStalledCount: 3 };
const queues = createMonitorQueues(connection);
const maintenanceQueue = new Queue<MaintenanceJob>(MAINTENANCE_QUEUE, { connection, prefix });

const checksWorker = new Worker<CheckJob>(
  CHECKS_QUEUE,
  createChecksProcessor({ db, limiters: createLimiters(limitsRedis), rules, resolver, runner, notify, parallelism: config.PROBE_PARALLELISM, signal: shutdownSignal.signal, log }),
  { connection, prefix, concurrency: config.WORKER_CONCURRENCY, ...stallOptions },
);
const monitorsWorker = new Worker<MonitorJob>(MONITORS_QUEUE, createMonitorProcessor({ db, rules, resolver, runner, queues }), {
  connection,
  prefix,
  concurrency: config.WORKER_CONCURRENCY,
  ...stallOptions,
});
const alertsWorker = new Worker<AlertJob>(ALERTS_QUEUE, createAlertProcessor({ db, rules, resolver }), { connection, prefix, concurrency: 4, ...stallOptions });
const maintenanceWorker = new Worker<MaintenanceJob>(
  MAINTENANCE_QUEUE,
  createMaintenanceProcessor({ db, queues, retentionDays: config.RESULT_RETENTION_DAYS }),
  { connection, prefix, concurrency: 1 },
);
const workers = [checksWorker, monitorsWorker, alertsWorker, maintenanceWorker];

checksWorker.on("failed", (job, error) => {
  if (!job) return;
  log.warn({ jobId: job.id, attemptsMade: job.attemptsMade, err: error.message }, "check job failed");
  void failUnfinishedJob(db, job, error, log).then(() => job.data?.checkId && notify(job.data.checkId, "done"));
});
alertsWorker.on("failed", (job, error) => {
  if (!job) return;
  log.warn({ deliveryId: job.data.deliveryId, attemptsMade: job.attemptsMade, err: error.message }, "alert delivery failed");
  if (isFinalFailure(job, error)) void markDeliveryFailed(db, job.data.deliveryId, error.message).catch(() => {});
});
monitorsWorker.on("failed", (job, error) => log.warn({ jobId: job?.id, err: error.message }, "monitor run failed"));
for (const worker of workers) worker.on("error", (error) => log.error({ err: error.message }, "worker error"));

async function startUp(): Promise<void> {
  await Promise.all(workers.map((worker) => worker.waitUntilReady()));
  try {
    // Maintenance first: if PostgreSQL is not up yet, its every-5-minutes sync repairs the rest.
    await scheduleMaintenance(maintenanceQueue);
    await requeueUnfinishedChecks(db, createChecksQueue(connection), log);
    const synced = await syncSchedulers(db, queues.monitors);
    const requeued = await requeuePendingDeliveries(db, queues.alerts);
    log.info({ ...synced, requeuedDeliveries: requeued }, "schedules synced from the database");
  } catch (error) {
    log.error({ err: (error as Error).message }, "start-up recovery failed; the maintenance job retries it");
  }
  log.info({ concurrency: config.WORKER_CONCURRENCY }, "worker ready");
}
void startUp();

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
  await Promise.all(workers.map((worker) => worker.close()));
  await Promise.allSettled([db.$disconnect(), connection.quit(), limitsRedis.quit(), probeThread.close()]);
  log.info("worker stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
