// The BullMQ processor of a region's queue ("probes-<region>"): check chunks and monitor runs. Maps the
// outcomes onto BullMQ's semantics: verdicts are results, infrastructure errors are retried, a shutdown
// hands the job back without spending an attempt.
import { DelayedError, type Job, UnrecoverableError } from "bullmq";
import type { Logger } from "pino";
import { type ProbeChunkDeps, probeChunk } from "../lib/checks/probe-chunk";
import { type ProbeMonitorDeps, probeMonitorJob } from "../lib/monitors/run-monitor";
import { type ProbeJob, probeJobSchema } from "../lib/queue/probe-queues";

/** A job this old is not worth running: its check was ended (region_unavailable) or its slot has passed. */
export const PROBE_JOB_MAX_AGE_MS = 5 * 60_000;

export type ProbeProcessorDeps = Omit<ProbeChunkDeps, "isFinalAttempt" | "log"> & ProbeMonitorDeps & { log: Logger; region: string };

export function createProbeProcessor(deps: ProbeProcessorDeps) {
  return async (job: Job<ProbeJob>, token?: string): Promise<string> => {
    const parsed = probeJobSchema.safeParse(job.data);
    if (!parsed.success) throw new UnrecoverableError("malformed job payload");
    const data = parsed.data;
    if (data.region !== deps.region) throw new UnrecoverableError(`job for region ${data.region} on the queue of ${deps.region}`);
    if (Date.now() - job.timestamp > PROBE_JOB_MAX_AGE_MS) return "expired";
    if (data.kind === "monitor") {
      await probeMonitorJob(data, deps);
      return "voted";
    }
    const log = deps.log.child({ requestId: data.requestId, checkId: data.checkId, region: data.region, chunk: data.chunk, jobId: job.id, attempt: job.attemptsMade + 1 });
    const startedAt = performance.now();
    const outcome = await probeChunk(data, { ...deps, log, isFinalAttempt: job.attemptsMade + 1 >= (job.opts.attempts ?? 1) });
    if (outcome === "interrupted") {
      // Shutting down: hand the job back without spending an attempt; another worker of the region finishes it.
      log.info("check chunk interrupted by shutdown, handed back");
      await job.moveToDelayed(Date.now(), token);
      throw new DelayedError();
    }
    log.info({ outcome, ports: data.ports.length, ms: Math.round(performance.now() - startedAt) }, "check chunk processed");
    return outcome;
  };
}
