// The bare baseline of bench/pipeline-baseline.ts, run as a child process: a BullMQ Worker that takes
// a job {id, host, port}, makes one TCP connect to it and writes one row to a table of its own in the
// benchmark database. No validation, no ORM, no probe thread: what a minimal queue-and-database
// pipeline costs on this machine. Not started on its own; the benchmark passes BASELINE_* variables.
import { Socket } from "node:net";
import { Worker } from "bullmq";
import { Redis } from "ioredis";
import pg from "pg";

const { DATABASE_URL, REDIS_URL, BASELINE_PREFIX, BASELINE_QUEUE, BASELINE_TABLE, BASELINE_CONCURRENCY } = process.env;
const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 10 });
const connection = new Redis(REDIS_URL!, { maxRetriesPerRequest: null });

function connect(host: string, port: number): Promise<{ state: string; latencyMs: number }> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const started = performance.now();
    const done = (state: string) => {
      socket.destroy();
      resolve({ state, latencyMs: performance.now() - started });
    };
    socket.setTimeout(1000, () => done("filtered"));
    socket.once("connect", () => done("open"));
    socket.once("error", () => done("closed"));
    socket.connect({ host, port });
  });
}

const worker = new Worker<{ id: string; host: string; port: number }>(
  BASELINE_QUEUE!,
  async (job) => {
    const verdict = await connect(job.data.host, job.data.port);
    await pool.query(`INSERT INTO ${BASELINE_TABLE} (id, state, latency_ms) VALUES ($1, $2, $3)`, [job.data.id, verdict.state, verdict.latencyMs]);
  },
  { connection, prefix: BASELINE_PREFIX, concurrency: Number(BASELINE_CONCURRENCY ?? 8), removeOnComplete: { count: 1000 } },
);
await worker.waitUntilReady();
console.log("baseline worker ready");
process.on("SIGTERM", async () => {
  await worker.close();
  await pool.end();
  process.exit(0);
});
