// Runs every benchmark in turn, each as a child process, and stores what it measured in
// bench/results/<name>.json (figures, full output, machine) and bench/results/<name>.md (a short table).
// Run: npm run bench            (all; a few minutes)
//      npm run bench -- pipeline latency-under-load   (some, by name)
// Benchmarks that build network namespaces need root, and verdicts-vs-nmap needs nmap: without them
// those are skipped with a message, not failed. Exits non-zero when a benchmark that ran failed.
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { migrate } from "../prisma/migrator";
import { BENCH_DATABASE_URL, isRoot } from "./support";

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH_DIR, "..");
const RESULTS_DIR = path.join(BENCH_DIR, "results");
const NMAP = process.env.NMAP ?? "/usr/bin/nmap";
/** A benchmark still running after this is killed and counted as failed. */
const TIMEOUT_MS = 20 * 60_000;

interface Benchmark {
  name: string;
  needsRoot: boolean;
  needsNmap: boolean;
}

const BENCHMARKS: readonly Benchmark[] = [
  { name: "probe-accuracy", needsRoot: false, needsNmap: false },
  { name: "pipeline", needsRoot: false, needsNmap: false },
  { name: "account-timing", needsRoot: false, needsNmap: false },
  { name: "verdicts-vs-nmap", needsRoot: true, needsNmap: true },
  { name: "latency-under-load", needsRoot: true, needsNmap: false },
  { name: "fairness", needsRoot: true, needsNmap: false },
  { name: "pipeline-baseline", needsRoot: false, needsNmap: false },
  { name: "probe-engine", needsRoot: false, needsNmap: false },
  { name: "scheduler", needsRoot: false, needsNmap: false },
  { name: "page-weight", needsRoot: false, needsNmap: false },
  { name: "load", needsRoot: false, needsNmap: false },
  { name: "batched-writes", needsRoot: false, needsNmap: false },
];

function nmapVersion(): string | null {
  try {
    return /Nmap version (\S+)/.exec(execFileSync(NMAP, ["--version"]).toString())?.[1] ?? "unknown";
  } catch {
    return null;
  }
}

function machine() {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    kernel: `${os.type()} ${os.release()}`,
    node: process.version,
    nmap: nmapVersion(),
    /** Other work on the machine changes every figure here; this says how busy it was. */
    loadAverage: os.loadavg().map((value) => Math.round(value * 100) / 100),
  };
}

function commit(): string | null {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: ROOT }).toString().trim();
  } catch {
    return null;
  }
}

async function runOne(benchmark: Benchmark): Promise<{ exitCode: number | null; output: string; durationMs: number; result: { data: unknown; markdown: string } | null }> {
  const resultFile = path.join(os.tmpdir(), `portcheck-bench-${process.pid}-${benchmark.name}.json`);
  rmSync(resultFile, { force: true });
  const started = performance.now();
  const child = spawn(process.execPath, ["--import", "tsx", path.join("bench", `${benchmark.name}.ts`)], {
    cwd: ROOT,
    env: { ...process.env, BENCH_RESULT_FILE: resultFile },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const chunks: string[] = [];
  // Shown as it comes (these take minutes) and kept for the JSON.
  for (const [stream, sink] of [
    [child.stdout!, process.stdout],
    [child.stderr!, process.stderr],
  ] as const) {
    stream.on("data", (chunk: Buffer) => {
      chunks.push(chunk.toString());
      sink.write(chunk);
    });
  }
  const timer = setTimeout(() => child.kill("SIGTERM"), TIMEOUT_MS);
  const exitCode = await new Promise<number | null>((resolve) => child.on("close", (code) => resolve(code)));
  clearTimeout(timer);
  let result: { data: unknown; markdown: string } | null = null;
  try {
    result = JSON.parse(readFileSync(resultFile, "utf8"));
  } catch {
    // No figures: the benchmark failed before reporting, or is an older one that only prints.
  }
  rmSync(resultFile, { force: true });
  return { exitCode, output: chunks.join(""), durationMs: Math.round(performance.now() - started), result };
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !BENCHMARKS.some((benchmark) => benchmark.name === name));
  if (unknown.length) {
    console.error(`unknown benchmark(s): ${unknown.join(", ")}; known: ${BENCHMARKS.map((benchmark) => benchmark.name).join(", ")}`);
    process.exit(2);
  }
  const root = isRoot();
  const nmap = nmapVersion();
  mkdirSync(RESULTS_DIR, { recursive: true });
  // The benchmarks' own database (see bench/support.ts), created and migrated once here.
  const migrated = await migrate(BENCH_DATABASE_URL);
  if (migrated.createdDatabase || migrated.applied.length) console.log(`bench database: created ${migrated.createdDatabase}, applied ${migrated.applied.length} migration(s)`);

  const summary: string[] = [];
  let failures = 0;
  for (const benchmark of BENCHMARKS.filter((item) => wanted.length === 0 || wanted.includes(item.name))) {
    if (benchmark.needsRoot && !root) {
      summary.push(`${benchmark.name}: SKIPPED (needs root for network namespaces; run as root)`);
      console.log(`\n== ${benchmark.name}: skipped, it needs root (network namespaces)`);
      continue;
    }
    if (benchmark.needsNmap && !nmap) {
      summary.push(`${benchmark.name}: SKIPPED (nmap not found at ${NMAP})`);
      console.log(`\n== ${benchmark.name}: skipped, nmap not found at ${NMAP}`);
      continue;
    }
    console.log(`\n== ${benchmark.name}`);
    const before = machine();
    const date = new Date().toISOString();
    const run = await runOne(benchmark);
    const ok = run.exitCode === 0;
    if (!ok) failures++;
    const record = {
      name: benchmark.name,
      date,
      commit: commit(),
      command: `node --import tsx bench/${benchmark.name}.ts`,
      scale: process.env.BENCH_SCALE === "quick" ? "quick" : "full",
      exitCode: run.exitCode,
      durationMs: run.durationMs,
      machine: { ...before, loadAverageAfter: machine().loadAverage },
      results: run.result?.data ?? null,
      output: run.output,
    };
    writeFileSync(path.join(RESULTS_DIR, `${benchmark.name}.json`), `${JSON.stringify(record, null, 2)}\n`);
    const m = record.machine;
    const markdown = [
      `# ${benchmark.name}`,
      "",
      `Measured ${date} at commit ${record.commit ?? "unknown"}: ${m.cores} cores (${m.cpuModel}), ${m.kernel}, Node ${m.node}, nmap ${m.nmap ?? "absent"}; ` +
        `load average ${m.loadAverage.join(" ")} before, ${m.loadAverageAfter.join(" ")} after.`,
      `\`${record.command}\` (BENCH_SCALE=${record.scale}): exit ${run.exitCode}, ${(run.durationMs / 1000).toFixed(0)} s. Full output and every figure: ${benchmark.name}.json.`,
      "",
      run.result?.markdown ?? "(no figures: see the output in the JSON file)",
      "",
    ].join("\n");
    writeFileSync(path.join(RESULTS_DIR, `${benchmark.name}.md`), markdown);
    summary.push(`${benchmark.name}: ${ok ? "ok" : `FAILED (exit ${run.exitCode})`} in ${(run.durationMs / 1000).toFixed(0)} s -> bench/results/${benchmark.name}.{json,md}`);
  }
  console.log(`\n== summary\n${summary.join("\n")}`);
  process.exit(failures ? 1 : 0);
}

await main();
