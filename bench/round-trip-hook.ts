// Loaded into a worker process by bench/pipeline-baseline.ts (node --import): counts its SQL queries and
// Redis commands (bench/profile.ts) and writes the counts to BENCH_ROUND_TRIPS_FILE on SIGUSR2, so the
// benchmark can take a snapshot before and after its profile phase. Changes nothing else.
import { writeFileSync } from "node:fs";
import { countRoundTrips } from "./profile";

const counts = await countRoundTrips();
process.on("SIGUSR2", () => writeFileSync(process.env.BENCH_ROUND_TRIPS_FILE!, JSON.stringify(counts)));
