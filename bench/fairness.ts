// Benchmark: fairness between callers. A one-port check's time from POST to done, on an idle worker
// and while 100-port checks of silent ports run (one at a time, then twelve at once: more jobs than the
// worker has slots). Jobs carry a BullMQ priority equal to their number of probes, and a large
// check is split into jobs of PORTS_PER_JOB, so the one-port check should wait for a free slot at most,
// never for the large checks' backlog.
// Run: node --import tsx bench/fairness.ts   (as root: the silent ports are in a network namespace)
import { TEST_DENYLIST } from "../tests/test-env";
import { BENCH_ENV, markdownTable, NAMESPACE_ALLOWLIST, reportResult, summarize, type Summary } from "./support";

const ALLOWLIST = `127.0.0.2/32,${NAMESPACE_ALLOWLIST}`;
Object.assign(process.env, BENCH_ENV, { MAX_PORTS_PER_CHECK: "100", TARGET_ALLOWLIST: ALLOWLIST, TARGET_DENYLIST: TEST_DENYLIST });
const { POST } = await import("../app/api/v1/checks/route");
const { getCheck } = await import("../lib/checks/get-check");
const { webContext } = await import("../lib/web-context");
const { migrate } = await import("../prisma/migrator");
const { startTargetHost, DEFAULT_TARGET_HOST } = await import("../tests/helpers/target-host");
const { startWorker } = await import("../tests/helpers/worker-process");
const { createNamespace } = await import("../tests/helpers/netns");
const { params, request } = await import("../tests/helpers/api");

const SAMPLES = 60;
const SILENT_PORTS = Array.from({ length: 100 }, (_, index) => 7000 + index);
const TIMEOUT_MS = 1000;

await migrate(process.env.DATABASE_URL!);
const context = webContext();
const ns = await createNamespace();
await ns.nft(`table inet portcheck_test { chain input { type filter hook input priority 0; policy accept; tcp dport 7000-7099 drop; }; }`);
const greeter = await startTargetHost({ host: DEFAULT_TARGET_HOST, servers: [{ kind: "ssh" }] });
const worker = await startWorker();
const concurrency = Number(process.env.WORKER_CONCURRENCY ?? 8);
let peer = 0;

async function post(body: Record<string, unknown>): Promise<string> {
  const response = await POST(request("/api/v1/checks", { body, peer: `198.18.9.${(peer++ % 250) + 1}` }), params({}));
  if (response.status !== 202) throw new Error(`POST answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { id: string }).id;
}

/** Polls until the check ends; the large checks are polled slowly, so the benchmark does not load the machine itself. */
async function finished(id: string, pollMs = 5): Promise<number> {
  for (;;) {
    const check = await getCheck(context.db, id);
    if (check?.status === "done" || check?.status === "failed") return new Date(check.finishedAt!).getTime() - new Date(check.createdAt).getTime();
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}

/** One-port checks one after another, each from POST to done. */
async function onePortChecks(): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const started = performance.now();
    await finished(await post({ host: DEFAULT_TARGET_HOST, ports: [greeter.ports.ssh!], timeoutMs: TIMEOUT_MS }));
    times.push(performance.now() - started);
  }
  return times;
}

/** Keeps `parallel` 100-port checks of silent ports running until stopped; returns their durations. */
function largeChecks(parallel: number) {
  let stop = false;
  const durations: number[] = [];
  const loops = Array.from({ length: parallel }, async () => {
    while (!stop) durations.push(await finished(await post({ host: ns.nsAddress4, ports: SILENT_PORTS, timeoutMs: TIMEOUT_MS }), 100));
  });
  return {
    async end() {
      stop = true;
      await Promise.all(loops);
      return durations;
    },
  };
}

const scenarios: { name: string; onePort: Summary; large: Summary | null }[] = [];
await onePortChecks(); // warm-up
scenarios.push({ name: "idle", onePort: summarize(await onePortChecks()), large: null });
for (const parallel of [1, 12]) {
  const load = largeChecks(parallel);
  await new Promise((resolve) => setTimeout(resolve, 1500)); // the large checks' jobs are running
  const onePort = summarize(await onePortChecks());
  scenarios.push({ name: `${parallel} x 100 silent ports running`, onePort, large: summarize(await load.end()) });
}

const { env } = await import("../lib/env");
const jobsPerLarge = Math.ceil(100 / env().PORTS_PER_JOB);
console.log(`one worker, WORKER_CONCURRENCY=${concurrency}; a 100-port check is ${jobsPerLarge} jobs; timeout ${TIMEOUT_MS} ms (a silent port costs two)`);
for (const scenario of scenarios) {
  console.log(`${scenario.name}: one-port check p50 ${scenario.onePort.p50} ms, p95 ${scenario.onePort.p95} ms, max ${scenario.onePort.max} ms${scenario.large ? `; 100-port checks took p50 ${scenario.large.p50} ms (n ${scenario.large.n})` : ""}`);
}
const markdown = markdownTable(
  ["while", "one-port check p50 ms", "p95 ms", "max ms", "100-port silent check p50 ms"],
  scenarios.map((scenario) => [scenario.name, scenario.onePort.p50, scenario.onePort.p95, scenario.onePort.max, scenario.large ? scenario.large.p50 : "-"]),
);
reportResult({ workerConcurrency: concurrency, jobsPerLargeCheck: jobsPerLarge, timeoutMs: TIMEOUT_MS, samples: SAMPLES, scenarios }, markdown);

await worker.stop();
await greeter.close();
await ns.destroy();
await context.probeQueue("local").obliterate({ force: true });
process.exit(0);
