// The worker process. Every worker probes for its region (REGION): check chunks and monitor runs from
// the region's queue. A worker with WORKER_ROLE=all (the default in region local) also does the central
// work next to PostgreSQL: it applies verdicts (its own directly, other regions' from the "verdicts"
// queue), schedules monitors, sends alerts, ends the runs of regions that went quiet, and maintains.
// A worker with WORKER_ROLE=probe needs Redis and nothing else. Runs until SIGTERM or SIGINT.
import { randomUUID } from "node:crypto";
import { Queue, UnrecoverableError, Worker } from "bullmq";
import { markDeliveryFailed } from "../lib/alerts/send-alert";
import { checkNotifier } from "../lib/checks/check-events";
import { failRun, failRunsOfDeadRegions } from "../lib/checks/record-check";
import { loadEnvOrExit } from "../lib/env";
import { createLimiters } from "../lib/limits/rate-limits";
import { logger } from "../lib/logger";
import { requeuePendingDeliveries, syncSchedulers } from "../lib/monitors/sync-schedulers";
import { createThreadRunner } from "../lib/probes/thread-runner";
import { ALERTS_QUEUE, type AlertJob, createMonitorQueues, MAINTENANCE_QUEUE, type MaintenanceJob, MONITORS_QUEUE, type MonitorJob } from "../lib/queue/monitor-queues";
import { probeMonitorJob } from "../lib/monitors/run-monitor";
import { createVerdictsQueue, type MonitorProbeJob, type ProbeJob, probeQueueName, probeQueues, parseVerdictMessage, type VerdictMessage, VERDICTS_QUEUE } from "../lib/queue/probe-queues";
import { createWorkerRedis } from "../lib/redis";
import { liveRegions, startHeartbeat } from "../lib/regions/registry";
import { createResolver } from "../lib/targets/dns-resolver";
import { type ApplyDeps, applyVerdict } from "../lib/verdicts/apply-verdict";
import { directSink, queueSink, type VerdictSink } from "../lib/verdicts/sink";
import { createAlertProcessor, createMaintenanceProcessor, createMonitorProcessor, enqueueAlerts, scheduleMaintenance } from "./monitor-processors";
import { createProbeProcessor } from "./probe-processor";
import { isFinalFailure, requeueUnfinishedRuns } from "./recovery";
import { countingSink } from "../lib/metrics/counting-sink";
import { metrics } from "../lib/metrics/metrics";
import { instrumentWorker } from "../lib/metrics/instrument-worker";
import { startMetricsPublisher } from "../lib/metrics/worker-publisher";
import { version } from "../package.json" with { type: "json" };

/** In-flight probes finish (at most the 10 s maximum timeout), then the process exits regardless. */
const SHUTDOWN_GRACE_MS = 20_000;
/** How often the central worker looks for runs of regions that went quiet. */
const WATCHDOG_MS = 3000;

const config = loadEnvOrExit();
const central = config.WORKER_ROLE === "all";
const log = logger.child({ service: "worker", region: config.REGION, role: config.WORKER_ROLE });
const connection = createWorkerRedis();
const limitsRedis = createWorkerRedis();
const shutdownSignal = new AbortController();
const prefix = config.REDIS_PREFIX;
const rules = { allowlist: config.TARGET_ALLOWLIST, denylist: config.TARGET_DENYLIST };
const resolver = createResolver({ servers: config.DNS_SERVERS, timeoutMs: config.DNS_TIMEOUT_MS });
// Probes run on a thread of their own, so the handshake time they report is not this thread's backlog.
const probeThread = createThreadRunner();
const runner = probeThread.run;
// A dead worker's job is noticed within about 30 s and run again by another worker.
const stallOptions = { lockDuration: 15_000, stalledInterval: 15_000, maxStalledCount: 3 };
const queueFor = probeQueues(connection);
const workerId = `${config.REGION}:${randomUUID()}`;
const workerMetrics = metrics("worker");

/** The live regions, asked of Redis at most once a second. */
let liveCache: { at: number; regions: Promise<ReadonlySet<string>> } | null = null;
function currentLiveRegions(): Promise<ReadonlySet<string>> {
  if (!liveCache || Date.now() - liveCache.at > 1000) {
    const regions = liveRegions(limitsRedis, prefix);
    liveCache = { at: Date.now(), regions };
    regions.catch(() => (liveCache = null));
  }
  return liveCache.regions;
}

const workers: Worker[] = [];
const closers: (() => Promise<unknown>)[] = [];
let sink: VerdictSink;
/** The central worker's start-up recovery. */
let onReady: (() => Promise<void>) | undefined;
/** A chunk job that failed for good: its run must not stay unfinished. */
let onFinalChunkFailure: (job: { data: ProbeJob }) => Promise<void>;

if (central) {
  const { createDb } = await import("../lib/db");
  const db = createDb();
  closers.push(() => db.$disconnect());
  const queues = createMonitorQueues(connection);
  const maintenanceQueue = new Queue<MaintenanceJob>(MAINTENANCE_QUEUE, { connection, prefix });
  const applyDeps: ApplyDeps = {
    db,
    notify: checkNotifier(limitsRedis, prefix),
    enqueueAlerts: (ids) => enqueueAlerts(queues, ids),
    liveRegions: currentLiveRegions,
  };
  sink = countingSink(directSink(applyDeps), workerMetrics);

  const verdictsWorker = new Worker<VerdictMessage>(
    VERDICTS_QUEUE,
    async (job) => {
      const message = parseVerdictMessage(job.data);
      if (!message) throw new UnrecoverableError("malformed verdict");
      await applyVerdict(message, applyDeps, { remote: true });
    },
    { connection, prefix, concurrency: config.WORKER_CONCURRENCY, ...stallOptions },
  );
  const monitorsWorker = new Worker<MonitorJob>(
    MONITORS_QUEUE,
    createMonitorProcessor({
      db,
      queues,
      queueFor,
      liveRegions: currentLiveRegions,
      localRegion: config.REGION,
      probeHere,
    }),
    { connection, prefix, concurrency: config.MONITOR_CONCURRENCY, ...stallOptions },
  );
  // Many slots, at most two per account (lib/alerts/account-slots.ts): a slow receiver delays only its own account.
  const alertsWorker = new Worker<AlertJob>(ALERTS_QUEUE, createAlertProcessor({ db, rules, resolver, redis: limitsRedis, prefix }), { connection, prefix, concurrency: 16, ...stallOptions });
  const maintenanceWorker = new Worker<MaintenanceJob>(MAINTENANCE_QUEUE, createMaintenanceProcessor({ db, queues, retentionDays: config.RESULT_RETENTION_DAYS }), {
    connection,
    prefix,
    concurrency: 1,
  });
  alertsWorker.on("failed", (job, error) => {
    if (!job) return;
    log.warn({ deliveryId: job.data.deliveryId, attemptsMade: job.attemptsMade, err: error.message }, "alert delivery failed");
    if (isFinalFailure(job, error)) void markDeliveryFailed(db, job.data.deliveryId, error.message).catch(() => {});
  });
  monitorsWorker.on("failed", (job, error) => log.warn({ jobId: job?.id, err: error.message }, "monitor run failed"));
  verdictsWorker.on("failed", (job, error) => log.warn({ jobId: job?.id, err: error.message }, "verdict could not be recorded"));
  workers.push(verdictsWorker, monitorsWorker, alertsWorker, maintenanceWorker);

  // A region that went quiet is never waited on: its runs end as region_unavailable.
  const watchdog = setInterval(() => {
    void currentLiveRegions()
      .then((live) => failRunsOfDeadRegions(db, live, new Date(Date.now() - 3600_000)))
      .then((ended) => ended.forEach((checkId) => applyDeps.notify?.(checkId, "done")))
      .catch((error: Error) => log.warn({ err: error.message }, "region watchdog failed"));
  }, WATCHDOG_MS);
  watchdog.unref();
  closers.push(async () => clearInterval(watchdog));

  onReady = async () => {
    // Maintenance first: if PostgreSQL is not up yet, its every-5-minutes sync repairs the rest.
    await scheduleMaintenance(maintenanceQueue);
    await requeueUnfinishedRuns(db, queueFor, log);
    const synced = await syncSchedulers(db, queues.monitors);
    const requeued = await requeuePendingDeliveries(db, queues.alerts);
    log.info({ ...synced, requeuedDeliveries: requeued }, "schedules synced from the database");
  };
  onFinalChunkFailure = async (job) => {
    if (job.data.kind === "check") await failRun(db, job.data.checkId, job.data.region, "internal_error", "The check could not be completed. Please try again.");
  };
} else {
  sink = countingSink(queueSink(createVerdictsQueue(connection)), workerMetrics);
  onFinalChunkFailure = async (job) => {
    if (job.data.kind !== "check") return;
    const { checkId, region, chunk, protocol, verifyToken } = job.data;
    await sink.checkChunkDone({
      kind: "check-chunk-done", checkId, region, chunk, probe: protocol, withOwnership: verifyToken !== null, addresses: null, results: [],
      failure: { code: "internal_error", message: "The check could not be completed. Please try again." },
    });
  };
}

const probeDeps = {
  limiters: createLimiters(limitsRedis),
  rules,
  resolver,
  runner,
  parallelism: config.PROBE_PARALLELISM,
  signal: shutdownSignal.signal,
  log,
  region: config.REGION,
  sink,
};
const processProbeJob = createProbeProcessor(probeDeps);
function probeHere(job: MonitorProbeJob): Promise<void> {
  return probeMonitorJob(job, probeDeps);
}

// Two lanes, each with its own slots: small jobs never wait behind the chunks of large checks.
const probeWorkers = (["fast", "bulk"] as const).map(
  (lane) =>
    new Worker<ProbeJob>(probeQueueName(config.REGION, lane), processProbeJob, {
      // Jobs record which worker ran them (processedBy).
      name: workerId,
      connection,
      prefix,
      concurrency: config.WORKER_CONCURRENCY,
      ...stallOptions,
    }),
);
for (const probesWorker of probeWorkers) {
  probesWorker.on("failed", (job, error) => {
    if (!job) return;
    log.warn({ jobId: job.id, attemptsMade: job.attemptsMade, err: error.message }, "probe job failed");
    if (isFinalFailure(job, error)) void onFinalChunkFailure(job).catch((failure: Error) => log.error({ err: failure.message, jobId: job.id }, "could not end the failed run"));
  });
}
workers.unshift(...probeWorkers);
for (const worker of workers) worker.on("error", (error) => log.error({ err: error.message }, "worker error"));
for (const worker of workers) instrumentWorker(worker, workerMetrics);
const metricsPublisher = startMetricsPublisher(limitsRedis, prefix, workerId, workerMetrics);

const heartbeat = startHeartbeat(limitsRedis, prefix, {
  id: workerId,
  region: config.REGION,
  label: config.REGION_LABEL ?? null,
  role: config.WORKER_ROLE,
  version,
  startedAt: new Date().toISOString(),
});

async function startUp(): Promise<void> {
  await Promise.all(workers.map((worker) => worker.waitUntilReady()));
  try {
    await onReady?.();
  } catch (error) {
    log.error({ err: (error as Error).message }, "start-up recovery failed; the maintenance job retries it");
  }
  log.info({ concurrency: config.WORKER_CONCURRENCY, workerId }, "worker ready");
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
  await heartbeat.stop();
  await metricsPublisher.stop();
  await Promise.allSettled([...closers.map((close) => close()), connection.quit(), limitsRedis.quit(), probeThread.close()]);
  log.info("worker stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
