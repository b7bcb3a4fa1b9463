// Benchmark: how closely the TCP probe keeps its deadline on a filtered port, and what an open
// or closed verdict costs on loopback. Run: node --import tsx bench/probe-accuracy.ts
// Not part of npm test; bench/run-all.ts stores its figures in bench/results/probe-accuracy.*.
// The probe alone: `banner: false`, so an open port is not followed by a conversation (tcpProbe would
// otherwise wait for a greeting and ask what answered, which is not what is measured here).
import { tcpProbe } from "../lib/probes/tcp";
import { closedPort, filteredPort, openPort, TEST_HOST } from "../tests/helpers/listeners";
import { formatSummary, markdownTable, reportResult, summarize, type Summary } from "./support";

const RUNS = 30;
const probeOptions = (timeoutMs: number) => ({ timeoutMs, banner: false });

async function time(fn: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

const blackhole = await filteredPort();
const open = await openPort();
const closed = await closedPort();
const target = (port: number) => ({ address: TEST_HOST, family: 4 as const, port });

console.log(`node ${process.version}, ${RUNS} runs each, milliseconds`);
const overshoots: { timeoutMs: number; overshoot: Summary }[] = [];
for (const timeoutMs of [200, 1000, 3000]) {
  const overshoot: number[] = [];
  for (let i = 0; i < (timeoutMs >= 3000 ? 10 : RUNS); i++) {
    overshoot.push((await time(() => tcpProbe(target(blackhole.port), probeOptions(timeoutMs)))) - timeoutMs);
  }
  overshoots.push({ timeoutMs, overshoot: summarize(overshoot) });
  console.log(`filtered, timeout ${timeoutMs} ms: overshoot ${formatSummary(summarize(overshoot))}`);
}
const verdicts: { label: string; wall: Summary; reported: Summary }[] = [];
for (const [label, port] of [["open", open.port], ["closed", closed]] as const) {
  const wall: number[] = [];
  const reported: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let latency = 0;
    wall.push(await time(async () => (latency = (await tcpProbe(target(port), probeOptions(1000))).latencyMs ?? Number.NaN)));
    reported.push(latency);
  }
  verdicts.push({ label, wall: summarize(wall), reported: summarize(reported) });
  console.log(`${label}: wall ${formatSummary(summarize(wall))} | reported latencyMs ${formatSummary(summarize(reported))}`);
}
const parallel = 200;
const started = performance.now();
await Promise.all(Array.from({ length: parallel }, () => tcpProbe(target(open.port), probeOptions(2000))));
const parallelMs = performance.now() - started;
console.log(`${parallel} open probes at once: ${parallelMs.toFixed(1)} ms in all`);

const fixed = (value: number) => value.toFixed(2);
const markdown = [
  "Filtered port (SYN dropped): how far past the deadline the verdict comes, ms.",
  "",
  markdownTable(
    ["timeoutMs", "runs", "overshoot p50", "p95", "max"],
    overshoots.map(({ timeoutMs, overshoot }) => [timeoutMs, overshoot.n, fixed(overshoot.p50), fixed(overshoot.p95), fixed(overshoot.max)]),
  ),
  "",
  "Open and closed port on 127.0.0.2, one probe at a time, ms.",
  "",
  markdownTable(
    ["verdict", "wall p50", "wall p95", "reported latencyMs p50", "reported p95"],
    verdicts.map(({ label, wall, reported }) => [label, fixed(wall.p50), fixed(wall.p95), fixed(reported.p50), fixed(reported.p95)]),
  ),
  "",
  `${parallel} open probes at once: ${parallelMs.toFixed(1)} ms in all.`,
].join("\n");
reportResult({ runs: RUNS, overshoots, verdicts, parallel: { probes: parallel, totalMs: Math.round(parallelMs * 10) / 10 } }, markdown);

blackhole.close();
await open.close();
process.exit(0);
