// Benchmark: checks per second through the whole pipeline (route handler -> Redis -> worker process
// -> PostgreSQL), and time from POST to done, against listeners on 127.0.0.2.
// Run: node --import tsx bench/pipeline.ts   (not part of npm test; bench/run-all.ts stores the figures)
// The open port greets like SSH, so its conversation ends at once: a silent open port would hold every
// check for the whole conversation (CONVERSATION_MS) and this would measure that instead of the pipeline.
import { BENCH_ENV, markdownTable, quantile, reportResult } from "./support";

// Before any application module is imported: the configuration is read once, on first use.
Object.assign(process.env, BENCH_ENV);
const { TEST_DENYLIST } = await import("../tests/helpers/check-client");
const { POST } = await import("../app/api/v1/checks/route");
const { getCheck } = await import("../lib/checks/get-check");
const { webContext } = await import("../lib/web-context");
const { migrate } = await import("../prisma/migrator");
const { closedPort } = await import("../tests/helpers/listeners");
const { startTargetHost, DEFAULT_TARGET_HOST } = await import("../tests/helpers/target-host");
const { startWorker } = await import("../tests/helpers/worker-process");
const { params, request } = await import("../tests/helpers/api");

const CHECKS = 200;
const PORTS_PER_CHECK = 10;
const WORKER_CONCURRENCY = Number(BENCH_ENV.WORKER_CONCURRENCY ?? 8);

await migrate(process.env.DATABASE_URL!);
const context = webContext();
const greeter = await startTargetHost({ host: DEFAULT_TARGET_HOST, servers: [{ kind: "ssh" }] });
const openPort = greeter.ports.ssh!;
const closed = await closedPort();
const worker = await startWorker({ TARGET_DENYLIST: TEST_DENYLIST });

const started = performance.now();
const created: string[] = [];
for (let i = 0; i < CHECKS; i++) {
  const ports = [openPort, closed, ...Array.from({ length: PORTS_PER_CHECK - 2 }, (_, k) => closed + 1 + k)].map((port) => ((port - 1) % 65535) + 1);
  const response = await POST(request("/api/v1/checks", { body: { host: DEFAULT_TARGET_HOST, ports }, peer: `198.18.1.${i % 250}` }), params({}));
  if (response.status !== 202) throw new Error(`POST answered ${response.status}: ${await response.text()}`);
  // The answer is the whole check view; only its id is needed here.
  created.push(((await response.json()) as { id: string }).id);
}
const postMs = performance.now() - started;

const durations: number[] = [];
const openLatencies: number[] = [];
let failed = 0;
for (const id of created) {
  for (;;) {
    const check = await getCheck(context.db, id);
    if (check?.status === "done" || check?.status === "failed") {
      if (check.status === "failed") failed++;
      durations.push(new Date(check.finishedAt!).getTime() - new Date(check.createdAt).getTime());
      const latency = check.results.find((result) => result.port === openPort)?.latencyMs;
      if (typeof latency === "number") openLatencies.push(latency);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
const totalMs = performance.now() - started;

const figures = {
  checks: CHECKS,
  portsPerCheck: PORTS_PER_CHECK,
  workerConcurrency: WORKER_CONCURRENCY,
  failed,
  postMsPerRequest: Math.round((postMs / CHECKS) * 100) / 100,
  totalMs: Math.round(totalMs),
  checksPerSecond: Math.round(((CHECKS * 1000) / totalMs) * 10) / 10,
  probesPerSecond: Math.round((CHECKS * PORTS_PER_CHECK * 1000) / totalMs),
  createdToFinishedMs: { p50: quantile(durations, 0.5), p95: quantile(durations, 0.95), max: quantile(durations, 1) },
  openLatencyMs: { p50: quantile(openLatencies, 0.5), p95: quantile(openLatencies, 0.95) },
};
const fixed = (value: number) => value.toFixed(1);
console.log(`${CHECKS} checks of ${PORTS_PER_CHECK} ports, one worker (WORKER_CONCURRENCY=${WORKER_CONCURRENCY})${failed ? `, ${failed} failed` : ""}`);
console.log(`POST: ${figures.postMsPerRequest.toFixed(2)} ms per request (sequential)`);
console.log(`all done in ${figures.totalMs} ms: ${figures.checksPerSecond} checks/s, ${figures.probesPerSecond} probes/s`);
const { createdToFinishedMs: lag, openLatencyMs: open } = figures;
console.log(`created -> finished: p50 ${fixed(lag.p50)} ms, p95 ${fixed(lag.p95)} ms, max ${fixed(lag.max)} ms`);
console.log(`reported open latency under this load: p50 ${fixed(open.p50)} ms, p95 ${fixed(open.p95)} ms`);

const markdown = markdownTable(
  ["checks x ports", "POST ms (sequential)", "checks/s", "probes/s", "created -> finished p50 / p95 ms", "open latency p50 / p95 ms"],
  [[`${CHECKS} x ${PORTS_PER_CHECK}`, figures.postMsPerRequest.toFixed(2), figures.checksPerSecond, figures.probesPerSecond, `${fixed(lag.p50)} / ${fixed(lag.p95)}`, `${fixed(open.p50)} / ${fixed(open.p95)}`]],
);
reportResult(figures, markdown);

await worker.stop();
await greeter.close();
await context.probeQueue("local").obliterate({ force: true });
process.exit(0);
