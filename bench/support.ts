// Shared by the benchmarks: their environment (the test database, a Redis prefix of their own), the
// statistics they print, and the structured result that bench/run-all.ts stores in bench/results/.
// Not a benchmark itself; nothing here runs on import except reading process.env.
import { writeFileSync } from "node:fs";
import { TEST_DATABASE_URL, TEST_ENV } from "../tests/test-env";

/** The test database server, but a database of the benchmarks' own; created and migrated on first use. */
export const BENCH_DATABASE_URL = TEST_DATABASE_URL.replace(/\/portcheck_test(_[a-z0-9]+)?$/, "/portcheck_bench$1");
if (BENCH_DATABASE_URL === TEST_DATABASE_URL) throw new Error(`bench/support.ts: cannot derive the benchmark database from ${TEST_DATABASE_URL}`);

/**
 * The test settings with a database and a Redis prefix of their own. Shared with a test run going on
 * at the same time, each side's worker would take the other's jobs, and a worker starting up requeues
 * every unfinished check and monitor it finds in the database, names included; those would be resolved
 * through the system resolver, off this machine. DNS_SERVERS keeps any stray lookup on loopback.
 */
export const BENCH_ENV: Record<string, string> = {
  ...TEST_ENV,
  DATABASE_URL: BENCH_DATABASE_URL,
  REDIS_PREFIX: TEST_ENV.REDIS_PREFIX!.replace(/-test$/, "-bench"),
  DNS_SERVERS: "127.0.0.1:9",
  RATE_LIMIT_CHECKS_PER_MINUTE: "100000",
  RATE_LIMIT_TARGET_PER_MINUTE: "1000000",
};

/** Only namespaces made by tests/helpers/netns.ts, and the loopback stand-in, may ever be probed. */
export const NAMESPACE_ALLOWLIST = "10.77.0.0/16,fd77::/64";

export function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/** The q-quantile (0..1) by the nearest-rank method; NaN for no samples. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export interface Summary {
  n: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarize(samples: readonly number[]): Summary {
  const round = (value: number) => Math.round(value * 100) / 100;
  const mean = samples.reduce((sum, value) => sum + value, 0) / (samples.length || Number.NaN);
  return {
    n: samples.length,
    mean: round(mean),
    p50: round(quantile(samples, 0.5)),
    p95: round(quantile(samples, 0.95)),
    p99: round(quantile(samples, 0.99)),
    max: round(samples.length ? Math.max(...samples) : Number.NaN),
  };
}

export function formatSummary(summary: Summary, unit = "ms"): string {
  const fixed = (value: number) => value.toFixed(2);
  return `n ${summary.n}  mean ${fixed(summary.mean)}  p50 ${fixed(summary.p50)}  p95 ${fixed(summary.p95)}  p99 ${fixed(summary.p99)}  max ${fixed(summary.max)} ${unit}`;
}

/** A Markdown table; cells are escaped for the pipe character only (our values never hold newlines). */
export function markdownTable(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cell = (value: string | number) => String(value).replaceAll("|", "\\|");
  return [`| ${header.map(cell).join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`, ...rows.map((row) => `| ${row.map(cell).join(" | ")} |`)].join("\n");
}

/**
 * A chart as a Mermaid `xychart-beta` block: GitHub and most Markdown viewers draw it, and it stays
 * text in the repository. Bars and lines share the x axis; the title says which series is which.
 */
export function mermaidChart(chart: { title: string; x: readonly string[]; yLabel: string; bars?: readonly number[]; lines?: readonly (readonly number[])[] }): string {
  const all = [...(chart.bars ?? []), ...(chart.lines ?? []).flat()];
  const top = Math.max(1, ...all.filter(Number.isFinite));
  const quote = (text: string) => `"${text.replaceAll('"', "'")}"`;
  return [
    "```mermaid",
    "xychart-beta",
    `    title ${quote(chart.title)}`,
    `    x-axis [${chart.x.map(quote).join(", ")}]`,
    `    y-axis ${quote(chart.yLabel)} 0 --> ${Number((top * 1.1).toPrecision(2))}`,
    ...(chart.bars ? [`    bar [${chart.bars.join(", ")}]`] : []),
    ...(chart.lines ?? []).map((line) => `    line [${line.join(", ")}]`),
    "```",
  ].join("\n");
}

/**
 * Hands the figures to bench/run-all.ts, which sets BENCH_RESULT_FILE; run on its own a benchmark only
 * prints. `markdown` is the short table for bench/results/<name>.md.
 */
export function reportResult(data: unknown, markdown: string): void {
  const file = process.env.BENCH_RESULT_FILE;
  if (file) writeFileSync(file, JSON.stringify({ data, markdown }, null, 2));
}

/**
 * BENCH_SCALE=quick runs the newer benchmarks small (a few hundred checks, at most 2,000 monitors, about a
 * minute each) for a busy or shared machine; full (the default) runs the sizes the issue names.
 */
export const BENCH_SCALE: "quick" | "full" = process.env.BENCH_SCALE === "quick" ? "quick" : "full";

export function scaled<T>(full: T, quick: T): T {
  return BENCH_SCALE === "quick" ? quick : full;
}
