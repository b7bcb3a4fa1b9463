// Loaded into a worker process by the benchmarks (node --import, see profiledSpawner in bench/profile.ts):
// counts its SQL queries and Redis commands and writes the counts to BENCH_ROUND_TRIPS_FILE on SIGUSR2,
// so a benchmark can take a snapshot before and after its window. Changes nothing else. Plain JavaScript:
// threads inherit --import but not tsx's loader, so the probe thread must not be asked to load TypeScript
// (it makes no round trips; it loads nothing here).
import { writeFileSync } from "node:fs";
import { isMainThread } from "node:worker_threads";

if (isMainThread) {
  const { countRoundTrips } = await import("./profile.ts");
  const counts = await countRoundTrips();
  process.on("SIGUSR2", () => writeFileSync(process.env.BENCH_ROUND_TRIPS_FILE, JSON.stringify(counts)));
}
