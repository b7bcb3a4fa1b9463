// A verdict sink that counts what passes through it (verdicts by state, probe latency) before handing it on.
import type { VerdictSink } from "../verdicts/sink";
import type { Metrics } from "./metrics";

export function countingSink(inner: VerdictSink, metrics: Metrics): VerdictSink {
  const count = (source: "check" | "monitor", probe: string, verdict: { state: string; latencyMs: number | null }) => {
    metrics.verdicts.inc({ source, probe, state: verdict.state });
    if (verdict.latencyMs !== null) metrics.probeLatency.observe({ probe }, verdict.latencyMs / 1000);
  };
  return {
    remote: inner.remote,
    checkResults: (message) => {
      for (const result of message.results) count("check", message.probe, result.verdict);
      return inner.checkResults(message);
    },
    checkChunkDone: (message) => {
      // Locally a chunk's end carries the results not sent before; from afar it repeats them all.
      if (!inner.remote) for (const result of message.results) count("check", message.probe, result.verdict);
      return inner.checkChunkDone(message);
    },
    monitorResult: (message) => {
      for (const verdict of message.verdicts) count("monitor", message.plan.protocol, verdict.verdict);
      return inner.monitorResult(message);
    },
  };
}
