// Benchmark (issue "Fast and proven", speed 3): how many monitors one worker process keeps on time.
// N monitors (one port on a greeting listener on 127.0.0.2, up for a while) are written straight into the benchmark
// database and scheduled as the app does (scheduleMonitor: a BullMQ job scheduler at the monitor's stable
// offset); then real worker processes run them. After one interval of warm-up, ROUNDS intervals are
// measured: lateness of each run (its result's checked_at minus scheduled_at, so it includes the probe),
// missing runs (slots of the window with no result), the workers' CPU (/proc/<pid>/stat) and RSS, and
// Redis used_memory (server-wide: other users of the same Redis count too).
// Run: npm run bench -- scheduler   full: 10,000 and 25,000 monitors at 60 s, 3 measured intervals;
// BENCH_SCALE=quick: 500, 1,000 and 2,000 at 10 s, 2 intervals. BENCH_SCHEDULER_SIZES=5000,15000,
// BENCH_SCHEDULER_INTERVAL=60 and BENCH_SCHEDULER_WORKERS=2 override the sweep; BENCH_SCHEDULER_PROFILE=1
// adds the worker's CPU profile and round trips per run.
import { mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { diffRoundTrips, monotonicMicros, profiledSpawner, type ProfileSummary, readProfiles, type RoundTrips, summarizeProfile } from "./profile";
import { BENCH_ENV, BENCH_SCALE, markdownTable, mermaidChart, reportResult, scaled, summarize, type Summary } from "./support";

Object.assign(process.env, BENCH_ENV);
const { TEST_DENYLIST } = await import("../tests/helpers/check-client");
const { webContext } = await import("../lib/web-context");
const { newId } = await import("../lib/ids");
const { scheduleMonitor, scheduleOffsetMs } = await import("../lib/queue/monitor-queues");
const { migrate } = await import("../prisma/migrator");
const { startTargetHost, DEFAULT_TARGET_HOST } = await import("../tests/helpers/target-host");
const { startWorker } = await import("../tests/helpers/worker-process");

const list = (value: string | undefined) => value?.split(",").map(Number).filter((n) => n > 0);
const SIZES = list(process.env.BENCH_SCHEDULER_SIZES) ?? scaled([10_000, 25_000], [500, 1_000, 2_000]);
const INTERVAL_S = Number(process.env.BENCH_SCHEDULER_INTERVAL ?? scaled(60, 10));
const ROUNDS = scaled(3, 2);
const WORKERS = Number(process.env.BENCH_SCHEDULER_WORKERS ?? 1);
/** BENCH_SCHEDULER_PROFILE=1: the workers under --cpu-prof, their round trips counted, over the measured window. */
const PROFILE = process.env.BENCH_SCHEDULER_PROFILE === "1";
const GOAL_P99_S = 2;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

await migrate(process.env.DATABASE_URL!);
const context = webContext();
const { db, redis } = context;
const monitorsQueue = context.monitorQueues.monitors;
const greeter = await startTargetHost({ host: DEFAULT_TARGET_HOST, servers: [{ kind: "ssh" }] });
const port = greeter.ports.ssh!;
const user = await db.user.upsert({ where: { email: "scheduler-bench@example.test" }, create: { id: newId(), name: "bench", email: "scheduler-bench@example.test" }, update: {} });

/** CPU seconds (user + system) of a process and its threads, and its resident set in MiB. */
function usage(pid: number): { cpuS: number; rssMiB: number } {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
  const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
  return { cpuS: (Number(fields[11]) + Number(fields[12])) / 100, rssMiB: Math.round(Number(rss) / 1024) };
}
/** CPU seconds of every process with this name (PostgreSQL's backends, redis-server): server-wide, others' load included. */
function serverCpuS(name: string): number {
  let total = 0;
  for (const pid of readdirSync("/proc").filter((entry) => /^\d+$/.test(entry))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, "utf8").trim() === name) total += usage(Number(pid)).cpuS;
    } catch {
      // ended meanwhile
    }
  }
  return total;
}
async function redisUsedMiB(): Promise<number> {
  const info = await redis.info("memory");
  return Math.round((Number(/used_memory:(\d+)/.exec(info)?.[1]) / 2 ** 20) * 10) / 10;
}

async function clean(): Promise<void> {
  await monitorsQueue.obliterate({ force: true });
  await db.monitor.deleteMany({ where: { userId: user.id } });
}

interface Outcome {
  monitors: number;
  workers: number;
  intervalS: number;
  insertS: number;
  scheduleS: number;
  expectedRuns: number;
  runs: number;
  missing: number;
  offSlot: number;
  latenessS: Summary;
  runsPerSecond: number;
  workerCpuPercent: number;
  workerCpuPeakPercent: number;
  workerRssMiB: number;
  redisUsedMiB: { before: number; scheduled: number; peak: number };
  goalMet: boolean;
  /** The runs' verdicts in the window, and the incidents opened since the monitors were created (a steady listener: none expected). */
  verdicts: Record<string, number>;
  incidents: number;
  /** PostgreSQL (every backend) and Redis CPU over the window, server-wide: other users' load counts too. */
  serverCpuPercent: { postgres: number; redis: number };
  profile: unknown;
}

async function measure(count: number): Promise<Outcome> {
  await clean();
  const redisBefore = await redisUsedMiB();
  const every = INTERVAL_S * 1000;
  const ids = Array.from({ length: count }, () => newId());
  let started = performance.now();
  // A fleet that has been running: every monitor up for a while, as its region says. (New monitors would
  // all change state in the measured window, which a real fleet of that size never does at once.)
  const now = new Date();
  for (let i = 0; i < ids.length; i += 1000) {
    const slice = ids.slice(i, i + 1000);
    await db.monitor.createMany({
      data: slice.map((id, k) => ({
        id, userId: user.id, name: `bench ${i + k}`, host: DEFAULT_TARGET_HOST, port, intervalSeconds: INTERVAL_S, timeoutMs: 1000, emailAlerts: false,
        state: "up" as const, stateChangedAt: now, streakState: "up" as const, streakCount: 10, lastCheckedAt: now,
      })),
    });
    await db.monitorRegion.createMany({ data: slice.map((monitorId) => ({ monitorId, region: "local", state: "up" as const, streakState: "up" as const, streakCount: 10, lastCheckedAt: now })) });
  }
  const insertS = (performance.now() - started) / 1000;
  started = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: 20 }, async () => {
    while (next < ids.length) await scheduleMonitor(monitorsQueue, { id: ids[next++]!, intervalSeconds: INTERVAL_S });
  }));
  const scheduleS = (performance.now() - started) / 1000;
  const redisScheduled = await redisUsedMiB();
  console.log(`${count} monitors: inserted in ${insertS.toFixed(1)} s, scheduled in ${scheduleS.toFixed(1)} s; Redis used_memory ${redisBefore} -> ${redisScheduled} MiB`);

  const profileDir = mkdtempSync(path.join(os.tmpdir(), "portcheck-bench-sched-"));
  const tripsFile = (index: number) => path.join(profileDir, `trips-${index}.json`);
  const workers = await Promise.all(
    Array.from({ length: WORKERS }, (_, index) => startWorker({ TARGET_DENYLIST: TEST_DENYLIST, BENCH_ROUND_TRIPS_FILE: tripsFile(index) }, PROFILE ? { spawn: profiledSpawner(profileDir, 1000) } : {})),
  );
  const snapshot = async () => {
    workers.forEach((worker) => worker.child.kill("SIGUSR2"));
    await sleep(200);
    return workers.map((_, index) => JSON.parse(readFileSync(tripsFile(index), "utf8")) as RoundTrips);
  };
  const from = Date.now() + every; // one interval of warm-up
  const to = from + ROUNDS * every;
  await sleep(from - Date.now() - (PROFILE ? 200 : 0));
  const tripsBefore = PROFILE ? await snapshot() : [];
  const windowStart = monotonicMicros();
  const pids = workers.map((worker) => worker.child.pid!);
  const total = () => pids.reduce((sum, pid) => sum + usage(pid).cpuS, 0);
  const cpuStart = total();
  const serversStart = { postgres: serverCpuS("postgres"), redis: serverCpuS("redis-server") };
  let peakCpu = 0;
  let peakRss = 0;
  let peakRedis = redisScheduled;
  let last = { at: performance.now(), cpu: cpuStart };
  while (Date.now() < to) {
    await sleep(1000);
    const now = { at: performance.now(), cpu: total() };
    peakCpu = Math.max(peakCpu, ((now.cpu - last.cpu) / ((now.at - last.at) / 1000)) * 100);
    peakRss = Math.max(peakRss, pids.reduce((sum, pid) => sum + usage(pid).rssMiB, 0));
    peakRedis = Math.max(peakRedis, await redisUsedMiB());
    last = now;
  }
  const cpuPercent = ((total() - cpuStart) / ((to - from) / 1000)) * 100;
  const seconds = (to - from) / 1000;
  const serverCpuPercent = {
    postgres: Math.round(((serverCpuS("postgres") - serversStart.postgres) / seconds) * 100),
    redis: Math.round(((serverCpuS("redis-server") - serversStart.redis) / seconds) * 100),
  };
  const windowEnd = monotonicMicros();
  const tripsAfter = PROFILE ? await snapshot() : [];
  await sleep(5000); // runs of the window's last slots, if late, still count as late rather than missing
  await Promise.all(workers.map((worker) => worker.stop()));

  const rows = await db.$queryRawUnsafe<{ monitor_id: string; scheduled: Date; checked: Date; state: string }[]>(
    `SELECT r.monitor_id, r.scheduled_at AS scheduled, r.checked_at AS checked, r.state::text AS state FROM monitor_results r JOIN monitors m ON m.id = r.monitor_id
     WHERE m.user_id = $1 AND r.scheduled_at >= $2 AND r.scheduled_at < $3`,
    user.id, new Date(from), new Date(to),
  );
  const seen = new Set(rows.map((row) => `${row.monitor_id}@${row.scheduled.getTime()}`));
  let expected = 0;
  let missing = 0;
  for (const id of ids) {
    const offset = scheduleOffsetMs(id, every);
    for (let slot = Math.ceil((from - offset) / every) * every + offset; slot < to; slot += every) {
      expected++;
      if (!seen.has(`${id}@${slot}`)) missing++;
    }
  }
  const verdicts: Record<string, number> = {};
  for (const row of rows) verdicts[row.state] = (verdicts[row.state] ?? 0) + 1;
  const [{ incidents }] = (await db.$queryRawUnsafe<{ incidents: number }[]>(
    `SELECT count(*)::int AS incidents FROM incidents i JOIN monitors m ON m.id = i.monitor_id WHERE m.user_id = $1`,
    user.id,
  )) as [{ incidents: number }];
  const offsets = new Map(ids.map((id) => [id, scheduleOffsetMs(id, every)]));
  const offSlot = rows.filter((row) => ((row.scheduled.getTime() % every) + every) % every !== offsets.get(row.monitor_id)! % every).length;
  let profile: { perRun: ReturnType<typeof diffRoundTrips>; cpu: (ProfileSummary & { file: string })[] } | null = null;
  if (PROFILE) {
    const perRun = diffRoundTrips(tripsBefore[0]!, tripsAfter[0]!, Math.max(1, rows.length / WORKERS));
    const cpu = readProfiles(profileDir).map(({ file, profile: p }) => ({ file, ...summarizeProfile(p, [windowStart, windowEnd]) })).filter((s) => s.sampledMs > 50);
    profile = { perRun, cpu };
    console.log(`  per run (worker 1): ${perRun.sql} SQL queries, ${perRun.redis} Redis commands: ${JSON.stringify(perRun.what)}`);
    for (const s of cpu) {
      console.log(`  ${s.file}: ${s.sampledMs} ms on CPU in the window; by package: ${s.byPackage.slice(0, 8).map((p) => `${p.name} ${p.share}%`).join(", ")}`);
      console.log(`    top functions: ${s.topFunctions.slice(0, 8).map((f) => `${f.name} ${f.share}%`).join("; ")}`);
    }
  }
  const lateness = summarize(rows.map((row) => (row.checked.getTime() - row.scheduled.getTime()) / 1000));
  const outcome: Outcome = {
    monitors: count,
    workers: WORKERS,
    intervalS: INTERVAL_S,
    insertS: Math.round(insertS * 10) / 10,
    scheduleS: Math.round(scheduleS * 10) / 10,
    expectedRuns: expected,
    runs: rows.length,
    missing,
    offSlot,
    latenessS: lateness,
    runsPerSecond: Math.round((rows.length / ((to - from) / 1000)) * 10) / 10,
    workerCpuPercent: Math.round(cpuPercent),
    workerCpuPeakPercent: Math.round(peakCpu),
    workerRssMiB: peakRss,
    redisUsedMiB: { before: redisBefore, scheduled: redisScheduled, peak: peakRedis },
    goalMet: missing === 0 && lateness.p99 < GOAL_P99_S,
    serverCpuPercent,
    verdicts,
    incidents,
    profile,
  };
  console.log(
    `  ${rows.length}/${expected} runs (${missing} missing, ${offSlot} off their slot), ${outcome.runsPerSecond} runs/s; lateness p50 ${lateness.p50} s, p99 ${lateness.p99} s, max ${lateness.max} s; ` +
      `worker CPU ${outcome.workerCpuPercent}% (peak ${outcome.workerCpuPeakPercent}%), RSS ${peakRss} MiB; Redis peak ${peakRedis} MiB; PostgreSQL CPU ${serverCpuPercent.postgres}%, Redis CPU ${serverCpuPercent.redis}% (server-wide); verdicts ${JSON.stringify(verdicts)}, ${incidents} incidents -> ${outcome.goalMet ? "holds" : "does not hold"}`,
  );
  return outcome;
}

const outcomes: Outcome[] = [];
for (const size of SIZES) outcomes.push(await measure(size));
await clean();
const held = outcomes.filter((outcome) => outcome.goalMet).map((outcome) => outcome.monitors);
const maxHeld = held.length ? Math.max(...held) : null;
const markdown = [
  `${BENCH_SCALE} scale: interval ${INTERVAL_S} s, ${ROUNDS} intervals measured after one of warm-up, ${WORKERS} worker process(es) (MONITOR_CONCURRENCY=${process.env.MONITOR_CONCURRENCY ?? "256, the default"}). ` +
    `Lateness = checked_at - scheduled_at of each result. Goal (issue): p99 < ${GOAL_P99_S} s and no missing run.`,
  "",
  markdownTable(
    ["monitors", "runs/s", "runs / expected", "missing", "lateness p50 s", "p99 s", "max s", "worker CPU % (peak)", "PostgreSQL / Redis CPU % (server-wide)", "worker RSS MiB", "Redis used MiB (before / scheduled / peak)", "schedule s", "holds"],
    outcomes.map((o) => [o.monitors, o.runsPerSecond, `${o.runs} / ${o.expectedRuns}`, o.missing, o.latenessS.p50, o.latenessS.p99, o.latenessS.max, `${o.workerCpuPercent} (${o.workerCpuPeakPercent})`, `${o.serverCpuPercent.postgres} / ${o.serverCpuPercent.redis}`, o.workerRssMiB, `${o.redisUsedMiB.before} / ${o.redisUsedMiB.scheduled} / ${o.redisUsedMiB.peak}`, o.scheduleS, o.goalMet ? "yes" : "no"]),
  ),
  "",
  mermaidChart({
    title: `Lateness of a run, s: p99 (bars) and p50 (line), against the ${GOAL_P99_S} s goal`,
    x: outcomes.map((o) => `${o.monitors} monitors`),
    yLabel: "s",
    bars: outcomes.map((o) => o.latenessS.p99),
    lines: [outcomes.map((o) => o.latenessS.p50), outcomes.map(() => GOAL_P99_S)],
  }),
  "",
  `Largest count measured that holds: ${maxHeld ?? "none"}.`,
].join("\n");
reportResult({ scale: BENCH_SCALE, intervalS: INTERVAL_S, rounds: ROUNDS, workers: WORKERS, outcomes, maxHeld }, markdown);
await greeter.close();
process.exit(0);
