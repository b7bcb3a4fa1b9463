// Reading V8 CPU profiles (--cpu-prof files, or node:inspector's Profiler) for the benchmarks: self time
// by package and by function, optionally only over a window of the monotonic clock (a worker profiled for
// its whole life, of which only the measured phase counts). Also counts database and Redis round trips
// made in this process, by wrapping pg's and ioredis's one entry point. Not a benchmark itself.
import { spawn, type SpawnOptions } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  sampledMs: number;
  byPackage: { name: string; ms: number; share: number }[];
  topFunctions: { name: string; ms: number; share: number }[];
}

/** "next", "@prisma/client", "bullmq", "app:lib/checks", "node:internal", "(garbage collector)"... */
function packageOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith("(") ? functionName : "(native)";
  const modules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (modules) return modules[1]!;
  if (url.startsWith("node:")) return "node:internal";
  const app = /\/(app|lib|worker|bench|tests|prisma)\/([^/]+)/.exec(url);
  return app ? `app:${app[1]}/${app[2]!.replace(/\.tsx?$/, "")}` : url;
}

/** Self time per package and per function; `window` = [from, to] in microseconds of the monotonic clock. */
export function summarizeProfile(profile: CpuProfile, window?: [number, number], top = 12): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const packages = new Map<string, number>();
  const functions = new Map<string, number>();
  let time = profile.startTime;
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    time += profile.timeDeltas[i] ?? 0;
    const delta = profile.timeDeltas[i + 1] ?? 0;
    if (window && (time < window[0] || time > window[1])) continue;
    const node = byId.get(profile.samples[i]!);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === "(idle)") continue;
    const pkg = packageOf(url, functionName);
    const fn = `${functionName || "(anonymous)"} ${pkg}${url ? `:${lineNumber + 1}` : ""}`;
    packages.set(pkg, (packages.get(pkg) ?? 0) + delta);
    functions.set(fn, (functions.get(fn) ?? 0) + delta);
    total += delta;
  }
  const rank = (map: Map<string, number>) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, micros]) => ({ name, ms: Math.round(micros / 100) / 10, share: Math.round((micros / (total || 1)) * 1000) / 10 }));
  return { sampledMs: Math.round(total / 1000), byPackage: rank(packages), topFunctions: rank(functions) };
}

/** Every .cpuprofile in a directory (a process and each of its threads write one). */
export function readProfiles(dir: string): { file: string; profile: CpuProfile }[] {
  return readdirSync(dir)
    .filter((file) => file.endsWith(".cpuprofile"))
    .map((file) => ({ file, profile: JSON.parse(readFileSync(path.join(dir, file), "utf8")) as CpuProfile }));
}

/** The monotonic clock in microseconds, as V8's profiler stamps its samples. */
export function monotonicMicros(): number {
  return Number(process.hrtime.bigint() / 1000n);
}

export interface RoundTrips {
  sql: number;
  sqlMs: number;
  redis: number;
  redisMs: number;
  /** Count by statement (its first words) and by Redis command name. */
  what: Record<string, number>;
}

/** What changed between two snapshots of the counts, most frequent first. */
export function diffRoundTrips(before: RoundTrips, after: RoundTrips, per = 1) {
  const round = (value: number) => Math.round((value / per) * 10) / 10;
  const what = Object.entries(after.what)
    .map(([name, count]) => [name, round(count - (before.what[name] ?? 0))] as const)
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1]);
  return { sql: round(after.sql - before.sql), sqlMs: round(after.sqlMs - before.sqlMs), redis: round(after.redis - before.redis), redisMs: round(after.redisMs - before.redisMs), what: Object.fromEntries(what) };
}

function statementOf(args: unknown[]): string {
  const first = args[0] as string | { text?: string } | undefined;
  const text = typeof first === "string" ? first : (first?.text ?? "?");
  return `sql: ${text.replace(/\s+/g, " ").replace(/"/g, "").slice(0, 48)}`;
}

/** Counts and times every pg query and ioredis command made in this process from now on. */
export async function countRoundTrips(): Promise<RoundTrips> {
  const counts: RoundTrips = { sql: 0, sqlMs: 0, redis: 0, redisMs: 0, what: {} };
  const pg = (await import("pg")).default;
  const { Redis } = await import("ioredis");
  const wrap = (target: Record<string, unknown>, method: string, count: "sql" | "redis", ms: "sqlMs" | "redisMs", promiseOf: (result: unknown, args: unknown[]) => Promise<unknown> | undefined) => {
    const original = target[method] as (...args: unknown[]) => unknown;
    target[method] = function (this: unknown, ...args: unknown[]) {
      const started = performance.now();
      const result = original.apply(this, args);
      counts[count]++;
      const name = count === "sql" ? statementOf(args) : `redis: ${(args[0] as { name?: string })?.name ?? "?"}`;
      counts.what[name] = (counts.what[name] ?? 0) + 1;
      promiseOf(result, args)?.then(
        () => (counts[ms] += performance.now() - started),
        () => (counts[ms] += performance.now() - started),
      );
      return result;
    };
  };
  wrap(pg.Client.prototype as unknown as Record<string, unknown>, "query", "sql", "sqlMs", (result) => (result instanceof Promise ? result : undefined));
  wrap(Redis.prototype as unknown as Record<string, unknown>, "sendCommand", "redis", "redisMs", (_result, args) => (args[0] as { promise?: Promise<unknown> })?.promise);
  return counts;
}

/**
 * A spawner for tests/helpers/worker-process.ts's startWorker: the worker under --cpu-prof (profiles
 * into `dir`) with bench/round-trip-hook.mjs loaded, which writes its round-trip counts to `tripsFile`
 * on SIGUSR2. `args` are startWorker's: ["--import", "tsx", "worker/index.ts"].
 */
export function profiledSpawner(dir: string, intervalMicros = 200) {
  return (command: string, args: readonly string[], options: SpawnOptions) =>
    spawn(command, ["--cpu-prof", `--cpu-prof-dir=${dir}`, `--cpu-prof-interval=${intervalMicros}`, "--import", "tsx", "--import", "./bench/round-trip-hook.mjs", ...args.slice(2)], options);
}
