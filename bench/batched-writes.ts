// Benchmark (issue "Fast and proven", past one machine): how many monitor results a second PostgreSQL takes
// here, one row per statement (as a monitor run writes today, inside its transaction) against multi-row
// INSERTs of 100 and 1,000 rows, with the table's real indexes. The figure behind docs/SCALING.md's plan
// for one million monitors (about 16,700 results a second). Plain pg, no Prisma: the database's own limit.
// Run: npm run bench -- batched-writes   (BENCH_SCALE=quick: fewer rows)
import pg from "pg";
import { BENCH_ENV, markdownTable, reportResult, scaled } from "./support";

Object.assign(process.env, BENCH_ENV);
const { migrate } = await import("../prisma/migrator");
await migrate(process.env.DATABASE_URL!);

const ROWS = scaled(60_000, 12_000);
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();

// One monitor row for the results to belong to (the foreign key), in an account of its own.
const suffix = Date.now().toString(36);
await client.query(`INSERT INTO users (id, name, email, email_verified, created_at, updated_at) VALUES ($1, 'bench', $2, true, now(), now())`, [`bench-user-${suffix}`, `bench-${suffix}@example.com`]);
await client.query(
  `INSERT INTO monitors (id, user_id, name, host, port, interval_seconds, timeout_ms, paused, created_at, updated_at) VALUES ($1, $2, 'bench', '127.0.0.2', 22, 60, 1000, true, now(), now())`,
  [`bench-monitor-${suffix}`, `bench-user-${suffix}`],
);
const monitorId = `bench-monitor-${suffix}`;
let slot = Date.UTC(2030, 0, 1);

function rows(count: number): unknown[][] {
  return Array.from({ length: count }, () => {
    slot += 1000;
    const at = new Date(slot);
    return [monitorId, at, at, "local", "open", "syn-ack", "up", 4, "127.0.0.2", 0.4, JSON.stringify({ cause: "open", families: [] })];
  });
}

async function insert(batch: unknown[][]): Promise<void> {
  const values = batch.map((_, row) => `(${Array.from({ length: 11 }, (_, col) => `$${row * 11 + col + 1}`).join(", ")})`).join(", ");
  await client.query(
    `INSERT INTO monitor_results (monitor_id, scheduled_at, checked_at, region, state, reason, observation, family, address, latency_ms, detail) VALUES ${values} ON CONFLICT DO NOTHING`,
    batch.flat(),
  );
}

interface Run {
  batch: string;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  statementsPerSecond: number;
}

async function measure(batchSize: number, label: string, transactionPerRow: boolean): Promise<Run> {
  const total = batchSize === 1 ? Math.min(ROWS, scaled(10_000, 3_000)) : ROWS;
  const started = performance.now();
  for (let done = 0; done < total; done += batchSize) {
    const batch = rows(Math.min(batchSize, total - done));
    if (transactionPerRow) await client.query("BEGIN");
    await insert(batch);
    if (transactionPerRow) await client.query("COMMIT");
  }
  const seconds = (performance.now() - started) / 1000;
  return { batch: label, rows: total, seconds: Math.round(seconds * 100) / 100, rowsPerSecond: Math.round(total / seconds), statementsPerSecond: Math.round(total / batchSize / seconds) };
}

const runs = [
  await measure(1, "1 row, in its own transaction (as a run writes today)", true),
  await measure(1, "1 row per statement", false),
  await measure(100, "100 rows per INSERT", false),
  await measure(1000, "1,000 rows per INSERT", false),
];
await client.query("DELETE FROM monitor_results WHERE monitor_id = $1", [monitorId]);
await client.query("DELETE FROM users WHERE id = $1", [`bench-user-${suffix}`]);
await client.end();

for (const run of runs) console.log(`${run.batch}: ${run.rows} rows in ${run.seconds} s = ${run.rowsPerSecond} rows/s`);
const markdown = [
  "Monitor results written by one connection into `monitor_results` (its real indexes), PostgreSQL on the same 2 cores.",
  "",
  markdownTable(["how", "rows", "seconds", "rows/s", "statements/s"], runs.map((run) => [run.batch, run.rows, run.seconds, run.rowsPerSecond, run.statementsPerSecond])),
].join("\n");
reportResult({ runs }, markdown);
process.exit(0);
