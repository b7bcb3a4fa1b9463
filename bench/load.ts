// Benchmark (issue "Fast and proven", load): autocannon against the production build for 60 s (quick: 15 s):
// POST /api/v1/checks of one port of a greeting listener on 127.0.0.2, and GET polling of a check, side by
// side, through the real web server (server.ts, NODE_ENV=production) and a real worker. Goal: zero 5xx;
// the latency percentiles and throughput are written down. Run `npm run build` first.
// Run: npm run bench -- load      (BENCH_SCALE=quick for a short run)
import autocannon from "autocannon";
import { requireBuild, startBuiltWeb } from "./built-web";
import { BENCH_ENV, markdownTable, reportResult, scaled } from "./support";

Object.assign(process.env, BENCH_ENV);
const { TEST_DENYLIST } = await import("../tests/helpers/check-client");
const { migrate } = await import("../prisma/migrator");
const { startTargetHost, DEFAULT_TARGET_HOST } = await import("../tests/helpers/target-host");
const { startWorker } = await import("../tests/helpers/worker-process");

requireBuild("load");
await migrate(process.env.DATABASE_URL!);

const DURATION_S = scaled(60, 15);
const CONNECTIONS = { post: 16, get: 16 };

const { base, stop: stopWeb } = await startBuiltWeb(TEST_DENYLIST);
const worker = await startWorker({ TARGET_DENYLIST: TEST_DENYLIST });
const greeter = await startTargetHost({ host: DEFAULT_TARGET_HOST, servers: [{ kind: "ssh" }] });
const checkBody = JSON.stringify({ host: DEFAULT_TARGET_HOST, ports: [greeter.ports.ssh] });
const first = await fetch(`${base}/api/v1/checks`, { method: "POST", headers: { "content-type": "application/json" }, body: checkBody });
if (first.status !== 202) throw new Error(`POST /api/v1/checks answered ${first.status}: ${await first.text()}`);
const { id } = (await first.json()) as { id: string };

interface Row {
  what: string;
  requests: number;
  perSecond: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  statuses: Record<string, number>;
  errors: number;
  timeouts: number;
}

function row(what: string, result: autocannon.Result): Row {
  const statuses: Record<string, number> = {};
  for (const [code, stat] of Object.entries(result.statusCodeStats ?? {})) statuses[code] = (stat as { count: number }).count;
  return {
    what,
    requests: result.requests.total,
    perSecond: Math.round(result.requests.average),
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    statuses,
    errors: result.errors,
    timeouts: result.timeouts,
  };
}

const [posts, gets] = await Promise.all([
  autocannon({ url: `${base}/api/v1/checks`, method: "POST", headers: { "content-type": "application/json" }, body: checkBody, connections: CONNECTIONS.post, duration: DURATION_S }),
  autocannon({ url: `${base}/api/v1/checks/${id}`, connections: CONNECTIONS.get, duration: DURATION_S }),
]);
const rows = [row(`POST /api/v1/checks (${CONNECTIONS.post} connections)`, posts), row(`GET /api/v1/checks/{id} (${CONNECTIONS.get} connections)`, gets)];
const fiveHundreds = rows.reduce((sum, item) => sum + Object.entries(item.statuses).filter(([code]) => code.startsWith("5")).reduce((n, [, count]) => n + count, 0), 0);
// How far the worker got: checks created in the run and still unfinished at its end.
const { default: pg } = await import("pg");
const sql = new pg.Client({ connectionString: process.env.DATABASE_URL });
await sql.connect();
const backlog = Number((await sql.query("SELECT count(*) FROM checks WHERE status IN ('queued','running')")).rows[0].count);
await sql.end();

for (const item of rows) console.log(`${item.what}: ${item.requests} requests, ${item.perSecond}/s, p50 ${item.p50} ms, p90 ${item.p90}, p99 ${item.p99}, max ${item.max}; statuses ${JSON.stringify(item.statuses)}; errors ${item.errors}, timeouts ${item.timeouts}`);
console.log(`5xx answers: ${fiveHundreds}; checks still queued or running at the end: ${backlog}`);
const markdown = [
  `${DURATION_S} s of autocannon against the production build (one web process, one worker, 2 cores shared with PostgreSQL and Redis). Goal: zero 5xx.`,
  "",
  markdownTable(
    ["requests", "total", "per s", "p50 ms", "p90 ms", "p99 ms", "max ms", "statuses", "errors"],
    rows.map((item) => [item.what, item.requests, item.perSecond, item.p50, item.p90, item.p99, item.max, Object.entries(item.statuses).map(([code, count]) => `${code}: ${count}`).join(", "), item.errors + item.timeouts]),
  ),
  "",
  `5xx answers: **${fiveHundreds}**. Checks the worker had not finished when the load stopped: ${backlog} (the queue absorbs a burst; the worker catches up after it).`,
].join("\n");
reportResult({ durationSeconds: DURATION_S, connections: CONNECTIONS, rows, fiveHundreds, backlog }, markdown);

await worker.stop();
await greeter.close();
await stopWeb();
process.exit(fiveHundreds === 0 ? 0 : 1);
