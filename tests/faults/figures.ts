// What the fault tests measure, written to test-results/faults/<name>.json and printed, for docs/RELIABILITY.md.
// Timings are measured and reported, never asserted.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

const DIR = path.resolve(import.meta.dirname, "../../test-results/faults");

export function recordFigures(name: string, figures: Record<string, unknown>): void {
  mkdirSync(DIR, { recursive: true });
  writeFileSync(path.join(DIR, `${name}.json`), `${JSON.stringify({ measuredAt: new Date().toISOString(), ...figures }, null, 2)}\n`);
  console.log(`[faults] ${name}: ${JSON.stringify(figures)}`);
}

/** Resolves with the value and how long it took, or rejects after `limitMs` so that a hanging call fails the test. */
export async function timed<T>(call: () => Promise<T>, limitMs = 10_000): Promise<{ value: T; ms: number }> {
  const startedAt = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${limitMs} ms`)), limitMs)));
  try {
    const value = await Promise.race([call(), limit]);
    return { value, ms: Math.round(performance.now() - startedAt) };
  } finally {
    clearTimeout(timer);
  }
}

/** Polls until `accept` holds, failing with `what` after `timeoutMs`. */
export async function waitUntil<T>(probe: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 60_000, everyMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
export const seconds = (ms: number) => Math.round(ms / 100) / 10;
