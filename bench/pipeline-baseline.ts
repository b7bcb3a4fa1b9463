// Benchmark (issue "Fast and proven", speed 1): a one-port check from POST to the verdict visible through
// GET, against a bare BullMQ + PostgreSQL baseline in the same run. App: the real route handler
// POST /api/v1/checks -> the real worker process -> GET /api/v1/checks/{id} polled until done. Baseline:
// Queue.add({id}) -> a bare BullMQ Worker in a child (bench/baseline-worker.ts: one net.connect to the
// same listener, one INSERT) -> the client polls a SELECT until the row is there. Both poll every POLL_MS.
// Sequential, then 8 and 64 concurrent clients; p50/p95/p99 and the ratio app/baseline. Then a profile
// phase: round trips per POST, the POST's CPU profile, and the worker's (--cpu-prof) over the same checks.
// Run: npm run bench -- pipeline-baseline   (BENCH_SCALE=quick: 100 checks per concurrency, not 500)
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { Session } from "node:inspector/promises";
import { BENCH_ENV, BENCH_SCALE, markdownTable, mermaidChart, reportResult, scaled, summarize, type Summary } from "./support";
import { countRoundTrips, diffRoundTrips, profiledSpawner, monotonicMicros, readProfiles, type RoundTrips, summarizeProfile, type CpuProfile } from "./profile";

Object.assign(process.env, BENCH_ENV);
const { TEST_DENYLIST } = await import("../tests/helpers/check-client");
const { POST } = await import("../app/api/v1/checks/route");
const { GET } = await import("../app/api/v1/checks/[id]/route");
const { webContext } = await import("../lib/web-context");
const { migrate } = await import("../prisma/migrator");
const { startTargetHost, DEFAULT_TARGET_HOST } = await import("../tests/helpers/target-host");
const { startWorker } = await import("../tests/helpers/worker-process");
const { params, request } = await import("../tests/helpers/api");
const { Queue } = await import("bullmq");
const pg = (await import("pg")).default;

const CHECKS = scaled(500, 100);
const PROFILE_CHECKS = scaled(200, 60);
const CONCURRENCIES = [1, 8, 64];
const POLL_MS = Number(process.env.BENCH_POLL_MS ?? 5);
const WORKER_CONCURRENCY = Number(BENCH_ENV.WORKER_CONCURRENCY ?? 8);
const PREFIX = BENCH_ENV.REDIS_PREFIX!;
const TABLE = "bench_baseline_results";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

await migrate(process.env.DATABASE_URL!);
const context = webContext();
const greeter = await startTargetHost({ host: DEFAULT_TARGET_HOST, servers: [{ kind: "ssh" }] });
const port = greeter.ports.ssh!;
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 70 });
await pool.query(`CREATE TABLE IF NOT EXISTS ${TABLE} (id text PRIMARY KEY, state text NOT NULL, latency_ms double precision, created_at timestamptz NOT NULL DEFAULT now())`);
await pool.query(`TRUNCATE ${TABLE}`);
const baselineQueue = new Queue("baseline", { connection: context.redis, prefix: PREFIX });
await baselineQueue.obliterate({ force: true });

function startBaselineWorker() {
  const child = spawn(process.execPath, ["--import", "tsx", "bench/baseline-worker.ts"], {
    env: { ...process.env, BASELINE_PREFIX: PREFIX, BASELINE_QUEUE: "baseline", BASELINE_TABLE: TABLE, BASELINE_CONCURRENCY: String(WORKER_CONCURRENCY) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return new Promise<typeof child>((resolve) => createInterface({ input: child.stdout! }).on("line", (line) => line.includes("ready") && resolve(child)));
}

let peer = 0;
let serial = 0;
interface Sample {
  id: string;
  totalMs: number;
  postMs: number;
  /** Wall clock (ms since the epoch) when the POST answered, and when the worker stamped the check finished. */
  answeredAt: number;
  finishedAt: number;
  visibleAt: number;
}

async function appCheck(): Promise<Sample> {
  const started = performance.now();
  const response = await POST(request("/api/v1/checks", { body: { host: DEFAULT_TARGET_HOST, ports: [port] }, peer: `198.18.${(peer >> 8) & 255}.${peer++ & 255}` }), params({}));
  if (response.status !== 202) throw new Error(`POST answered ${response.status}: ${await response.text()}`);
  const { id } = (await response.json()) as { id: string };
  const postMs = performance.now() - started;
  const answeredAt = Date.now();
  for (;;) {
    const got = await GET(request(`/api/v1/checks/${id}`), params({ id }));
    const check = (await got.json()) as { status: string; finishedAt: string | null };
    if (check.status === "done" || check.status === "failed") {
      if (check.status === "failed") throw new Error(`check ${id} failed`);
      return { id, totalMs: performance.now() - started, postMs, answeredAt, finishedAt: Date.parse(check.finishedAt!), visibleAt: Date.now() };
    }
    await sleep(POLL_MS);
  }
}

async function baselineCheck(): Promise<Sample> {
  const started = performance.now();
  const id = `b${process.pid}-${serial++}`;
  await baselineQueue.add("check", { id, host: DEFAULT_TARGET_HOST, port }, { removeOnComplete: 1000 });
  const postMs = performance.now() - started;
  const answeredAt = Date.now();
  for (;;) {
    const { rows } = await pool.query(`SELECT state, created_at FROM ${TABLE} WHERE id = $1`, [id]);
    if (rows.length) return { id, totalMs: performance.now() - started, postMs, answeredAt, finishedAt: (rows[0].created_at as Date).getTime(), visibleAt: Date.now() };
    await sleep(POLL_MS);
  }
}

async function run(check: () => Promise<Sample>, count: number, concurrency: number): Promise<Sample[]> {
  const samples: Sample[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next++ < count) samples.push(await check());
    }),
  );
  return samples;
}

interface Phase {
  concurrency: number;
  app: Summary;
  baseline: Summary;
  ratioP50: number;
  ratioP95: number;
  appSpans: { postMs: Summary; answeredToFinishedMs: Summary; finishedToVisibleMs: Summary };
  baselineSpans: { addMs: Summary; addedToInsertedMs: Summary; insertedToVisibleMs: Summary };
  appChecksPerSecond: number;
  baselineChecksPerSecond: number;
}
const spans = (samples: Sample[]) => ({
  post: summarize(samples.map((s) => s.postMs)),
  toFinished: summarize(samples.map((s) => s.finishedAt - s.answeredAt)),
  toVisible: summarize(samples.map((s) => s.visibleAt - s.finishedAt)),
});

const appWorker = await startWorker({ TARGET_DENYLIST: TEST_DENYLIST });
const baselineWorker = await startBaselineWorker();
await run(appCheck, 20, 1); // warm-up: module caches, connection pools, JIT
await run(baselineCheck, 20, 1);
const phases: Phase[] = [];
for (const concurrency of CONCURRENCIES) {
  // Two alternating halves each, so that a burst of load from elsewhere on the machine hits both sides.
  const app: Sample[] = [];
  const base: Sample[] = [];
  let appWall = 0;
  let baseWall = 0;
  for (const half of [Math.ceil(CHECKS / 2), Math.floor(CHECKS / 2)]) {
    let t = performance.now();
    base.push(...(await run(baselineCheck, half, concurrency)));
    baseWall += performance.now() - t;
    t = performance.now();
    app.push(...(await run(appCheck, half, concurrency)));
    appWall += performance.now() - t;
  }
  const a = summarize(app.map((s) => s.totalMs));
  const b = summarize(base.map((s) => s.totalMs));
  const sa = spans(app);
  const sb = spans(base);
  phases.push({
    concurrency,
    app: a,
    baseline: b,
    ratioP50: Math.round((a.p50 / b.p50) * 100) / 100,
    ratioP95: Math.round((a.p95 / b.p95) * 100) / 100,
    appSpans: { postMs: sa.post, answeredToFinishedMs: sa.toFinished, finishedToVisibleMs: sa.toVisible },
    baselineSpans: { addMs: sb.post, addedToInsertedMs: sb.toFinished, insertedToVisibleMs: sb.toVisible },
    appChecksPerSecond: Math.round((CHECKS * 1000) / appWall),
    baselineChecksPerSecond: Math.round((CHECKS * 1000) / baseWall),
  });
  const p = phases.at(-1)!;
  console.log(
    `${concurrency} client(s): app p50 ${a.p50} p95 ${a.p95} p99 ${a.p99} ms (${p.appChecksPerSecond}/s); baseline p50 ${b.p50} p95 ${b.p95} p99 ${b.p99} ms (${p.baselineChecksPerSecond}/s); ratio p50 ${p.ratioP50}, p95 ${p.ratioP95}`,
  );
  console.log(`  app spans p50: POST ${sa.post.p50} ms, answered -> worker finished ${sa.toFinished.p50} ms, finished -> GET sees it ${sa.toVisible.p50} ms`);
  console.log(`  baseline spans p50: add ${sb.post.p50} ms, added -> row inserted ${sb.toFinished.p50} ms, inserted -> SELECT sees it ${sb.toVisible.p50} ms`);
}
await appWorker.stop();
baselineWorker.kill("SIGTERM");

// Profile phase (not timed against the baseline): the worker under --cpu-prof with its round trips
// counted (bench/round-trip-hook.mjs), this process under the inspector's profiler, its own round trips counted.
const profileDir = mkdtempSync(path.join(os.tmpdir(), "portcheck-bench-prof-"));
const tripsFile = path.join(profileDir, "worker-round-trips.json");
const profiledWorker = await startWorker(
  { TARGET_DENYLIST: TEST_DENYLIST, BENCH_ROUND_TRIPS_FILE: tripsFile },
  { spawn: profiledSpawner(profileDir) },
);
const workerTrips = async (): Promise<RoundTrips> => {
  profiledWorker.child.kill("SIGUSR2");
  await sleep(300);
  return JSON.parse(readFileSync(tripsFile, "utf8")) as RoundTrips;
};
await run(appCheck, 20, 1);
const trips = await countRoundTrips();
const session = new Session();
session.connect();
await session.post("Profiler.enable");
await session.post("Profiler.setSamplingInterval", { interval: 200 });
const workerBefore = await workerTrips();
const windowStart = monotonicMicros();
await session.post("Profiler.start");
const tripsBefore = structuredClone(trips);
const profiled = await run(appCheck, PROFILE_CHECKS, 1);
const { profile } = (await session.post("Profiler.stop")) as { profile: CpuProfile };
const windowEnd = monotonicMicros();
const clientTrips = diffRoundTrips(tripsBefore, trips, PROFILE_CHECKS);
const workerTripsPerCheck = diffRoundTrips(workerBefore, await workerTrips(), PROFILE_CHECKS);
// The POST alone: its statements and commands, one check at a time with nothing else going on.
const postBefore = structuredClone(trips);
const postTimes: number[] = [];
for (let i = 0; i < 20; i++) {
  const t = performance.now();
  const response = await POST(request("/api/v1/checks", { body: { host: DEFAULT_TARGET_HOST, ports: [port] }, peer: `198.19.0.${i + 1}` }), params({}));
  await response.json();
  postTimes.push(performance.now() - t);
}
const postTrips = { ...diffRoundTrips(postBefore, trips, 20), postMs: summarize(postTimes) };
await sleep(1000);
await profiledWorker.stop();
// The worker's job timestamps: queued -> picked up -> finished.
const profiledIds = new Set(profiled.map((sample) => sample.id));
const jobs = (await context.probeQueue("local").getJobs(["completed"], 0, PROFILE_CHECKS + 200)).filter(
  (job) => job.processedOn && job.finishedOn && profiledIds.has((job.data as { checkId?: string }).checkId ?? ""),
);
const jobSpans = { queuedToPickedUpMs: summarize(jobs.map((job) => job.processedOn! - job.timestamp)), pickedUpToFinishedMs: summarize(jobs.map((job) => job.finishedOn! - job.processedOn!)) };
const clientProfile = summarizeProfile(profile);
const workerProfiles = readProfiles(profileDir).map(({ file, profile: p }) => ({ file, ...summarizeProfile(p, [windowStart, windowEnd]) }));
console.log(`profile phase: ${PROFILE_CHECKS} sequential checks, p50 ${summarize(profiled.map((s) => s.totalMs)).p50} ms`);
console.log(`one POST alone: p50 ${postTrips.postMs.p50} ms, ${postTrips.sql} SQL queries (${postTrips.sqlMs} ms), ${postTrips.redis} Redis commands (${postTrips.redisMs} ms): ${JSON.stringify(postTrips.what)}`);
console.log(`client per check (POST + GET polls): ${JSON.stringify(clientTrips)}`);
console.log(`worker per check: ${JSON.stringify(workerTripsPerCheck)}`);
console.log(`worker jobs: queued -> picked up p50 ${jobSpans.queuedToPickedUpMs.p50} ms, p95 ${jobSpans.queuedToPickedUpMs.p95}; picked up -> finished p50 ${jobSpans.pickedUpToFinishedMs.p50} ms, p95 ${jobSpans.pickedUpToFinishedMs.p95}`);
const show = (title: string, s: { sampledMs: number; byPackage: { name: string; ms: number; share: number }[]; topFunctions: { name: string; ms: number; share: number }[] }) => {
  if (s.sampledMs < 10) return;
  console.log(`${title}: ${s.sampledMs} ms on CPU (${Math.round((s.sampledMs / PROFILE_CHECKS) * 10) / 10} ms per check)`);
  for (const item of s.byPackage.slice(0, 8)) console.log(`  ${item.share}%  ${item.ms} ms  ${item.name}`);
  console.log("  top functions:");
  for (const item of s.topFunctions.slice(0, 8)) console.log(`  ${item.share}%  ${item.ms} ms  ${item.name}`);
};
show("client process CPU (POST and GET handlers, in-process)", clientProfile);
for (const w of workerProfiles) show(`worker ${w.file} CPU over the same window`, w);

const markdown = [
  `${CHECKS} one-port checks per row (${BENCH_SCALE} scale), poll every ${POLL_MS} ms, one worker (WORKER_CONCURRENCY=${WORKER_CONCURRENCY}) each side. Times in ms from POST (or Queue.add) to the verdict visible.`,
  "",
  markdownTable(
    ["clients", "app p50", "p95", "p99", "baseline p50", "p95", "p99", "ratio p50", "ratio p95", "app checks/s", "baseline checks/s"],
    phases.map((p) => [p.concurrency, p.app.p50, p.app.p95, p.app.p99, p.baseline.p50, p.baseline.p95, p.baseline.p99, p.ratioP50, p.ratioP95, p.appChecksPerSecond, p.baselineChecksPerSecond]),
  ),
  "",
  mermaidChart({
    title: "Median ms from POST to the verdict visible: app (bars), bare BullMQ + PostgreSQL baseline (line)",
    x: phases.map((p) => `${p.concurrency} client${p.concurrency === 1 ? "" : "s"}`),
    yLabel: "ms",
    bars: phases.map((p) => p.app.p50),
    lines: [phases.map((p) => p.baseline.p50)],
  }),
  "",
  `Goal: app median within 1.5 x the baseline's: ${phases.map((p) => `${p.concurrency} client(s) ${p.ratioP50 <= 1.5 ? "met" : "not met"} (${p.ratioP50})`).join(", ")}.`,
  "",
  markdownTable(
    ["clients", "app: POST p50", "POST answered -> worker finished p50", "finished -> GET sees p50", "baseline: add p50", "added -> inserted p50", "inserted -> SELECT sees p50"],
    phases.map((p) => [p.concurrency, p.appSpans.postMs.p50, p.appSpans.answeredToFinishedMs.p50, p.appSpans.finishedToVisibleMs.p50, p.baselineSpans.addMs.p50, p.baselineSpans.addedToInsertedMs.p50, p.baselineSpans.insertedToVisibleMs.p50]),
  ),
  "",
  `Profile phase (${PROFILE_CHECKS} sequential checks): one POST alone p50 ${postTrips.postMs.p50} ms with ${postTrips.sql} SQL queries and ${postTrips.redis} Redis commands; ` +
    `the worker makes ${workerTripsPerCheck.sql} SQL queries and ${workerTripsPerCheck.redis} Redis commands per check; its job waits p50 ${jobSpans.queuedToPickedUpMs.p50} ms to be picked up and runs p50 ${jobSpans.pickedUpToFinishedMs.p50} ms. ` +
    `CPU per check: client ${Math.round((clientProfile.sampledMs / PROFILE_CHECKS) * 10) / 10} ms, worker main thread ${Math.round((Math.max(...workerProfiles.map((w) => w.sampledMs)) / PROFILE_CHECKS) * 10) / 10} ms. Statements, commands and top functions: the JSON (profile).`,
].join("\n");
reportResult({ scale: BENCH_SCALE, checks: CHECKS, pollMs: POLL_MS, workerConcurrency: WORKER_CONCURRENCY, phases, profile: { checks: PROFILE_CHECKS, postTrips, clientTrips, workerTripsPerCheck, jobSpans, clientProfile, workerProfiles } }, markdown);

await greeter.close();
await baselineQueue.obliterate({ force: true });
await context.probeQueue("local").obliterate({ force: true });
await pool.end();
process.exit(0);
