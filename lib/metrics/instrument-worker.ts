// Counts a BullMQ worker's jobs by outcome and time, and for the scheduled queues what their jobs say:
// monitor runs and how late each started against its slot, alert deliveries by outcome.
import type { Job, Worker } from "bullmq";
import { ALERTS_QUEUE, MONITORS_QUEUE, scheduledTime } from "../queue/monitor-queues";
import type { Metrics } from "./metrics";

function ran(job: Job): number | null {
  return job.processedOn && job.finishedOn ? (job.finishedOn - job.processedOn) / 1000 : null;
}

export function instrumentWorker(worker: Worker, metrics: Metrics): void {
  const queue = worker.name;
  worker.on("active", (job) => {
    if (queue !== MONITORS_QUEUE) return;
    metrics.monitorRuns.inc();
    metrics.monitorLateness.observe(Math.max(0, Date.now() - scheduledTime(job).getTime()) / 1000);
  });
  worker.on("completed", (job) => {
    metrics.jobs.inc({ queue, outcome: "completed" });
    const seconds = ran(job);
    if (seconds !== null) metrics.jobDuration.observe({ queue }, seconds);
    if (queue === ALERTS_QUEUE && job.returnvalue !== "skipped") metrics.alertDeliveries.inc({ outcome: "delivered" });
  });
  worker.on("failed", (job) => {
    metrics.jobs.inc({ queue, outcome: "failed" });
    if (!job) return;
    const seconds = ran(job);
    if (seconds !== null) metrics.jobDuration.observe({ queue }, seconds);
    if (queue === ALERTS_QUEUE) metrics.alertDeliveries.inc({ outcome: job.attemptsMade >= (job.opts.attempts ?? 1) ? "failed" : "retry" });
  });
}
