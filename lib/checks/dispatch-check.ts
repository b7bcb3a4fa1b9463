// From a stored check to its jobs: one run per region, each run's ports split into chunks of
// PORTS_PER_JOB, one job per chunk on the region's queue, prioritised by how many probes it asks for.
import type { CheckChunkJob, Lane, ProbeJob, QueueFor } from "../queue/probe-queues";
import { laneFor, PROBE_JOB_OPTIONS, probePriority, withEnqueueTimeout } from "../queue/probe-queues";

export interface CheckPlan {
  id: string;
  host: string;
  ports: number[];
  timeoutMs: number;
  protocol: "tcp" | "udp";
  family: "v4" | "v6" | "both";
  tls: "auto" | "on" | "off";
  verifyToken: string | null;
  /** Whether the host is an IP literal (one address), or a name (one per family asked). */
  literal: boolean;
  /** The request that created the check, for the worker's log lines. */
  requestId?: string | null;
}

/** How many jobs a check's ports make in each region: at most `perJob` ports each. */
export function chunkCount(ports: number, perJob: number): number {
  return Math.max(1, Math.ceil(ports / perJob));
}

/** The ports split into `chunks` parts of nearly equal size; the same count always gives the same split. */
export function chunkPorts(ports: readonly number[], chunks: number): number[][] {
  const size = Math.ceil(ports.length / chunks);
  return Array.from({ length: chunks }, (_, chunk) => ports.slice(chunk * size, (chunk + 1) * size)).filter((part) => part.length > 0);
}

/** Job ids are stable, so enqueueing a run twice (recovery after a Redis flush) runs each chunk once. */
export function chunkJobId(checkId: string, region: string, chunk: number): string {
  return `check.${checkId}.${region}.${chunk}`;
}

export function chunkJobs(check: CheckPlan, region: string, chunkTotal: number, onlyChunks?: ReadonlySet<number>) {
  const chunks = chunkPorts(check.ports, chunkTotal);
  const perPort = check.family === "both" && !check.literal ? 2 : 1;
  return chunks.flatMap((ports, chunk) => {
    if (onlyChunks && !onlyChunks.has(chunk)) return [];
    const data: CheckChunkJob = {
      kind: "check",
      checkId: check.id,
      region,
      chunk,
      chunks: chunkTotal,
      host: check.host,
      ports,
      timeoutMs: check.timeoutMs,
      protocol: check.protocol,
      family: check.family,
      tls: check.tls,
      verifyToken: check.verifyToken,
      ...(check.requestId ? { requestId: check.requestId } : {}),
    };
    const probes = ports.length * perPort;
    return [{ lane: laneFor(probes), name: "check", data: data as ProbeJob, opts: { ...PROBE_JOB_OPTIONS, jobId: chunkJobId(check.id, region, chunk), priority: probePriority(probes) } }];
  });
}

/** Adds jobs to their region's queues, one round trip per queue. */
export async function addChunkJobs(queueFor: QueueFor, region: string, jobs: ReturnType<typeof chunkJobs>): Promise<void> {
  const byLane = new Map<Lane, typeof jobs>();
  for (const job of jobs) byLane.set(job.lane, [...(byLane.get(job.lane) ?? []), job]);
  await Promise.all([...byLane].map(([lane, items]) => queueFor(region, lane).addBulk(items.map(({ lane: _lane, ...job }) => job))));
}

/** Adds every chunk of the check to each region's queues. */
export async function enqueueCheckRuns(queueFor: QueueFor, check: CheckPlan, regions: readonly string[], perJob: number): Promise<void> {
  const chunks = chunkCount(check.ports.length, perJob);
  await withEnqueueTimeout(Promise.all(regions.map((region) => addChunkJobs(queueFor, region, chunkJobs(check, region, chunks)))));
}
