// Checks as the API stores them (a run per region) and their chunks run in this process through the
// real chunk code and a direct verdict sink, as a worker next to the database does.
import { isIP } from "node:net";
import type { Db } from "../../lib/db";
import { chunkCount, chunkJobs } from "../../lib/checks/dispatch-check";
import { type ChunkOutcome, type ProbeChunkDeps, probeChunk } from "../../lib/checks/probe-chunk";
import { newId } from "../../lib/ids";
import type { CheckChunkJob } from "../../lib/queue/probe-queues";
import { directSink } from "../../lib/verdicts/sink";

export async function newCheck(db: Db, host: string, ports: number[], options: { regions?: string[]; timeoutMs?: number; portsPerJob?: number } = {}): Promise<string> {
  const id = newId();
  const regions = options.regions ?? ["local"];
  const chunks = chunkCount(ports.length, options.portsPerJob ?? 25);
  await db.check.create({ data: { id, host, ports, timeoutMs: options.timeoutMs ?? 1000, regions, runs: { createMany: { data: regions.map((region) => ({ region, chunks })) } } } });
  return id;
}

/** The chunk jobs of a stored check's run in one region, as dispatch made them. */
export async function chunkJobsOf(db: Db, checkId: string, region = "local"): Promise<CheckChunkJob[]> {
  const check = await db.check.findUniqueOrThrow({ where: { id: checkId }, include: { runs: { where: { region } } } });
  const run = check.runs[0]!;
  return chunkJobs({ ...check, literal: isIP(check.host) !== 0 }, region, run.chunks).map((job) => job.data as CheckChunkJob);
}

export type HereDeps = Omit<ProbeChunkDeps, "sink" | "isFinalAttempt"> & { isFinalAttempt?: boolean };

/** Runs every chunk of the check's run in a region here, one after another. */
export async function runChunksHere(db: Db, checkId: string, deps: HereDeps, region = "local"): Promise<ChunkOutcome[]> {
  const sink = directSink({ db, enqueueAlerts: async () => {}, liveRegions: async () => new Set([region]) });
  const outcomes: ChunkOutcome[] = [];
  for (const job of await chunkJobsOf(db, checkId, region)) outcomes.push(await probeChunk(job, { isFinalAttempt: false, ...deps, sink }));
  return outcomes;
}
