// Benchmark: checks per second through the whole pipeline (route handler -> Redis -> worker process
// -> PostgreSQL), and time from POST to done. Uses the test database and 127.0.0.2 listeners.
// Run: node --import tsx bench/pipeline.ts   (not part of npm test; results in bench/RESULTS.md)
import { TEST_ENV } from "../tests/test-env";

Object.assign(process.env, TEST_ENV, { RATE_LIMIT_CHECKS_PER_MINUTE: "100000" });
const { POST } = await import("../app/api/v1/checks/route");
const { getCheck } = await import("../lib/checks/get-check");
const { webContext } = await import("../lib/web-context");
const { migrate } = await import("../prisma/migrator");
const { openPort, closedPort } = await import("../tests/helpers/listeners");
const { startWorker } = await import("../tests/helpers/worker-process");
const { params, request } = await import("../tests/helpers/api");

const CHECKS = 200;
const PORTS_PER_CHECK = 10;

await migrate(TEST_ENV.DATABASE_URL!);
const context = webContext();
const open = await openPort();
const closed = await closedPort();
const worker = await startWorker();

const started = performance.now();
const created: { id: string; at: number }[] = [];
for (let i = 0; i < CHECKS; i++) {
  const ports = [open.port, closed, ...Array.from({ length: PORTS_PER_CHECK - 2 }, (_, k) => closed + 1 + k)].map((port) => ((port - 1) % 65535) + 1);
  const response = await POST(request("/api/v1/checks", { body: { host: "127.0.0.2", ports }, peer: `198.18.1.${i % 250}` }), params({}));
  if (response.status !== 202) throw new Error(`POST answered ${response.status}: ${await response.text()}`);
  created.push({ id: (await response.json()).id, at: performance.now() });
}
const postMs = performance.now() - started;

const durations: number[] = [];
const openLatencies: number[] = [];
for (const { id, at } of created) {
  for (;;) {
    const check = await getCheck(context.db, id);
    if (check?.status === "done" || check?.status === "failed") {
      durations.push(new Date(check.finishedAt!).getTime() - new Date(check.createdAt).getTime());
      openLatencies.push(check.results.find((result) => result.port === open.port)?.latencyMs ?? Number.NaN);
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  void at;
}
const totalMs = performance.now() - started;
const pct = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.floor(q * (values.length - 1))]!.toFixed(1);
console.log(`${CHECKS} checks of ${PORTS_PER_CHECK} ports, one worker (WORKER_CONCURRENCY=${TEST_ENV.WORKER_CONCURRENCY ?? 8})`);
console.log(`POST: ${(postMs / CHECKS).toFixed(2)} ms per request (sequential)`);
console.log(`all done in ${totalMs.toFixed(0)} ms: ${((CHECKS * 1000) / totalMs).toFixed(1)} checks/s, ${((CHECKS * PORTS_PER_CHECK * 1000) / totalMs).toFixed(0)} probes/s`);
console.log(`created -> finished: p50 ${pct(durations, 0.5)} ms, p95 ${pct(durations, 0.95)} ms, max ${pct(durations, 1)} ms`);
console.log(`reported open latency under this load: p50 ${pct(openLatencies, 0.5)} ms, p95 ${pct(openLatencies, 0.95)} ms`);

await worker.stop();
await open.close();
await context.checksQueue.obliterate({ force: true });
process.exit(0);
