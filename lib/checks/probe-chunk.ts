// One chunk of one check in one region (a regional worker's job): resolve the host here, judge each
// address by this region's own policy, spend the target's budget, probe through the engine, and report
// what was found through the verdict sink: results as they come, then the chunk's end. Needs Redis
// (limits) and no database, so a region can run anywhere.
import { isIP } from "node:net";
import type { Logger } from "pino";
import type { Limiters } from "../limits/rate-limits";
import { consume } from "../limits/rate-limits";
import { type EngineResult, type ProbeRunner, runEngine } from "../probes/engine";
import { hasRoute } from "../probes/route-check";
import { type CheckChunkJob, FAST_LANE_MAX_PROBES } from "../queue/probe-queues";
import { TargetError } from "../targets/errors";
import type { TargetRules } from "../targets/policy";
import { addressesToProbe, type ResolvedAddress, type Resolver, resolveTarget } from "../targets/resolve-target";
import type { VerdictSink } from "../verdicts/sink";
import { familyChoice } from "./check-options";

export interface ProbeChunkDeps {
  limiters: Pick<Limiters, "target">;
  rules: TargetRules;
  resolver?: Resolver;
  runner: ProbeRunner;
  parallelism: number;
  sink: VerdictSink;
  /** Aborted at shutdown: no new probe starts, the chunk is handed back unfinished. */
  signal?: AbortSignal;
  /** On the last attempt a transient failure (DNS SERVFAIL) is final. */
  isFinalAttempt: boolean;
  log: Logger;
  /** Whether this vantage point routes to an address (default: ask the kernel). */
  routable?: (address: ResolvedAddress) => Promise<boolean>;
}

/** done/failed: reported. interrupted: hand the job back. */
export type ChunkOutcome = "done" | "failed" | "interrupted";

/** Results wait this long to share a message (locally: an INSERT) with others. */
const FLUSH_AFTER_MS = { local: 15, remote: 100 } as const;
/** A chunk still probing after this is reported running. */
const STARTED_AFTER_MS = 50;
const MAX_BATCH = 500;

export async function probeChunk(job: CheckChunkJob, deps: ProbeChunkDeps): Promise<ChunkOutcome> {
  const { sink } = deps;
  const run = { checkId: job.checkId, region: job.region, probe: job.protocol, withOwnership: job.verifyToken !== null };
  // "Running" is told only to a chunk that takes a while: a quick one goes from queued to its end in one
  // write (the end sets started_at too).
  let started: Promise<void> | undefined;
  const reportStarted = () => {
    started ??= sink.checkResults({ kind: "check-results", ...run, results: [] });
    started.catch(() => {}); // its failure is seen where it is awaited
    return started;
  };
  const startedTimer = setTimeout(reportStarted, STARTED_AFTER_MS);
  const end = async (failure: { code: string; message: string } | null, addresses: ResolvedAddress[] | null, results: EngineResult[] = []) => {
    clearTimeout(startedTimer);
    // "Running" is a courtesy: if saying so failed, the end (which sets started_at) still goes out, and
    // the probes already made are not made again.
    await started?.catch(() => {});
    await sink.checkChunkDone({ kind: "check-chunk-done", ...run, chunk: job.chunk, addresses: addresses?.map(({ address, family }) => ({ address, family })) ?? null, failure, results });
  };
  try {
    return await probeAndReport(job, deps, run, end);
  } catch (error) {
    // Handed back to be tried again (a transient failure): it did start, and says so while it waits.
    clearTimeout(startedTimer);
    await reportStarted().catch(() => {});
    throw error;
  } finally {
    clearTimeout(startedTimer);
  }
}

async function probeAndReport(
  job: CheckChunkJob,
  deps: ProbeChunkDeps,
  run: { checkId: string; region: string; probe: CheckChunkJob["protocol"]; withOwnership: boolean },
  end: (failure: { code: string; message: string } | null, addresses: ResolvedAddress[] | null, results?: EngineResult[]) => Promise<void>,
): Promise<ChunkOutcome> {
  const { sink } = deps;
  let addresses: ResolvedAddress[];
  const hostname = isIP(job.host) === 0 ? job.host : undefined;
  try {
    const target = await resolveTarget(job.host, { ...deps.rules, resolver: deps.resolver });
    addresses = addressesToProbe(target, familyChoice(job.family));
    if (addresses.length === 0) {
      const wanted = job.family === "v6" ? "IPv6 address (AAAA record)" : "IPv4 address (A record)";
      throw new TargetError("dns_failed", `${job.host} has no ${wanted}.`);
    }
  } catch (error) {
    if (!(error instanceof TargetError)) throw error;
    if (error.transient && !deps.isFinalAttempt) throw error; // let BullMQ retry with backoff
    deps.log.info({ code: error.code }, "check refused or unresolvable in this region");
    await end({ code: error.code, message: error.message }, null);
    return "failed";
  }

  // Each address pays for its own probes, whoever asks.
  for (const address of addresses) {
    const limit = await consume(deps.limiters.target, address.address, job.ports.length);
    if (!limit.allowed) {
      const message = `${address.address} has been probed too often in the last minute, by you or others. Try again in ${limit.retryAfterSeconds} s.`;
      await end({ code: "rate_limited", message }, addresses);
      return "failed";
    }
  }

  const all: EngineResult[] = [];
  const batcher = createBatcher((results) => sink.checkResults({ kind: "check-results", ...run, results }), sink.remote ? FLUSH_AFTER_MS.remote : FLUSH_AFTER_MS.local);
  const runs = await Promise.all(
    addresses.map((address) =>
      runEngine(
        {
          kind: job.protocol,
          addresses: [address],
          ports: job.ports,
          hostname,
          parallelism: deps.parallelism,
          options: { timeoutMs: job.timeoutMs, ...(job.protocol === "tcp" ? { tls: job.tls } : {}), verifyToken: job.verifyToken ?? undefined },
        },
        {
          runner: deps.runner,
          signal: deps.signal,
          routable: deps.routable ?? hasRoute,
          urgent: job.ports.length * addresses.length <= FAST_LANE_MAX_PROBES,
          onResult: (result) => {
            all.push(result);
            batcher.add(result);
          },
        },
      ),
    ),
  );
  const unsent = await batcher.close();
  const interrupted = runs.some((item) => item.interrupted);
  // Results not sent yet go as results when the chunk is handed back, and far away (live pages see them
  // as soon as any message lands; the end carries every result again there: messages may be handled out
  // of order, and the chunk must never be counted finished before its results are stored). Locally the end
  // carries them (for a small check: all of them), stored in the same statement.
  if (unsent.length && (interrupted || sink.remote)) await sink.checkResults({ kind: "check-results", ...run, results: unsent });
  if (interrupted) return "interrupted";
  await end(null, addresses, sink.remote ? all : unsent);
  return "done";
}

/**
 * Collects results and hands them on in batches, one batch at a time. close() waits for the batches sent,
 * rejects if any failed, and returns the results not sent yet (the caller sends them with the chunk's end).
 */
function createBatcher(flush: (results: EngineResult[]) => Promise<void>, afterMs: number) {
  let pending: EngineResult[] = [];
  let timer: NodeJS.Timeout | undefined;
  let chain: Promise<void> = Promise.resolve();
  let failure: unknown;
  const send = () => {
    clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return;
    const batch = pending;
    pending = [];
    chain = chain.then(async () => {
      if (failure) return;
      try {
        await flush(batch);
      } catch (error) {
        failure = error;
      }
    });
  };
  return {
    add(result: EngineResult) {
      pending.push(result);
      if (pending.length >= MAX_BATCH) send();
      else timer ??= setTimeout(send, afterMs);
    },
    async close(): Promise<EngineResult[]> {
      clearTimeout(timer);
      const unsent = pending;
      pending = [];
      await chain;
      if (failure) throw failure;
      return unsent;
    },
  };
}
