// Where a region's probes report. A worker next to the database applies verdicts itself; a regional
// worker (Redis only) puts them on the central "verdicts" queue, whose consumers apply them the same way.
import type { Queue } from "bullmq";
import type { CheckChunkDone, CheckVerdicts, MonitorVerdict, VerdictMessage } from "../queue/probe-queues";
import { VERDICT_JOB_OPTIONS, withEnqueueTimeout } from "../queue/probe-queues";
import { type ApplyDeps, applyVerdict } from "./apply-verdict";

export interface VerdictSink {
  /** True when verdicts travel through Redis (they are then batched more and repeated at a chunk's end). */
  remote: boolean;
  checkResults(message: CheckVerdicts): Promise<void>;
  checkChunkDone(message: CheckChunkDone): Promise<void>;
  monitorResult(message: MonitorVerdict): Promise<void>;
}

export function directSink(deps: ApplyDeps): VerdictSink {
  return {
    remote: false,
    checkResults: (message) => applyVerdict(message, deps, { remote: false }),
    checkChunkDone: (message) => applyVerdict(message, deps, { remote: false }),
    monitorResult: (message) => applyVerdict(message, deps, { remote: false }),
  };
}

export function queueSink(queue: Queue<VerdictMessage>): VerdictSink {
  const add = async (message: VerdictMessage, jobId?: string) => {
    await withEnqueueTimeout(queue.add(message.kind, message, { ...VERDICT_JOB_OPTIONS, ...(jobId ? { jobId } : {}) }));
  };
  return {
    remote: true,
    checkResults: (message) => add(message),
    // Stable ids: a re-delivered end or vote is one job.
    checkChunkDone: (message) => add(message, `done.${message.checkId}.${message.region}.${message.chunk}`),
    monitorResult: (message) => add(message, `vote.${message.monitorId}.${message.scheduledAt}.${message.region}`),
  };
}
