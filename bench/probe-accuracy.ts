// Benchmark: how closely the TCP probe keeps its deadline on a filtered port, and what an open
// or closed verdict costs on loopback. Run: node --import tsx bench/probe-accuracy.ts
// Not part of npm test; results are recorded in bench/RESULTS.md.
import { tcpProbe } from "../lib/probes/tcp";
import { closedPort, filteredPort, openPort, TEST_HOST } from "../tests/helpers/listeners";

const RUNS = 30;

function stats(samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const mean = samples.reduce((sum, value) => sum + value, 0) / samples.length;
  return `mean ${mean.toFixed(2)}  p50 ${at(0.5).toFixed(2)}  p95 ${at(0.95).toFixed(2)}  max ${sorted.at(-1)!.toFixed(2)}`;
}

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
for (const timeoutMs of [200, 1000, 3000]) {
  const overshoot: number[] = [];
  for (let i = 0; i < (timeoutMs >= 3000 ? 10 : RUNS); i++) {
    overshoot.push((await time(() => tcpProbe(target(blackhole.port), { timeoutMs }))) - timeoutMs);
  }
  console.log(`filtered, timeout ${timeoutMs} ms: overshoot ${stats(overshoot)}`);
}
for (const [label, port] of [["open", open.port], ["closed", closed]] as const) {
  const wall: number[] = [];
  const reported: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    let latency = 0;
    wall.push(await time(async () => (latency = (await tcpProbe(target(port), { timeoutMs: 1000 })).latencyMs ?? Number.NaN)));
    reported.push(latency);
  }
  console.log(`${label}: wall ${stats(wall)} | reported latencyMs ${stats(reported)}`);
}
const parallel = 200;
const started = performance.now();
await Promise.all(Array.from({ length: parallel }, () => tcpProbe(target(open.port), { timeoutMs: 2000 })));
console.log(`${parallel} open probes at once: ${(performance.now() - started).toFixed(1)} ms in all`);

blackhole.close();
await open.close();
process.exit(0);
