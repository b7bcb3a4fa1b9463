// Benchmark: do sign-up and password-reset answers take as long for an address that has an account as
// for one that has none? 20 requests each, interleaved, through the route handler (with its time
// floor) and through better-auth's handler alone (the work itself), against real PostgreSQL, Redis and
// a local SMTP server. Prints medians; not a test (no timed assertions anywhere).
// Run: node --import tsx bench/account-timing.ts
import { startSmtpServer } from "../tests/helpers/smtp";
import { BENCH_ENV, markdownTable, reportResult, summarize, type Summary } from "./support";

const smtp = await startSmtpServer();
Object.assign(process.env, BENCH_ENV, {
  DATABASE_URL: BENCH_ENV.DATABASE_URL!.replace(/portcheck_bench$/, "portcheck_bench_accounts"),
  REDIS_PREFIX: "portcheck-bench-accounts",
  SMTP_URL: smtp.url,
  MAIL_FROM: "Portcheck <bench@portcheck.test>",
});
const { POST } = await import("../app/api/auth/[...all]/route");
const { auth } = await import("../lib/auth/auth");
const { accountMailsSettled } = await import("../lib/auth/account-mails");
const { webContext } = await import("../lib/web-context");
const { migrate } = await import("../prisma/migrator");
const { newPeer, request } = await import("../tests/helpers/api");

const SAMPLES = 20;
await migrate(process.env.DATABASE_URL!);
const context = webContext();
const run = `${process.pid}-${Date.now()}`;
const known = `known-${run}@example.com`;
const password = "correct horse battery staple";
const headers = { origin: process.env.APP_URL ?? "http://localhost:3000" };

async function timed(path: string, body: unknown, through: "route" | "handler"): Promise<number> {
  const req = request(`/api/auth${path}`, { body, peer: newPeer(), headers });
  const started = performance.now();
  const response = await (through === "route" ? POST(req) : auth().handler(req));
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
  return performance.now() - started;
}

await timed("/sign-up/email", { email: known, password, name: "k" }, "route");
await context.db.user.update({ where: { email: known }, data: { emailVerified: true } });

const rows: { case: string; through: string; known: Summary; unknown: Summary }[] = [];
let fresh = 0;
for (const through of ["handler", "route"] as const) {
  for (const kind of ["sign-up", "reset"] as const) {
    const samples = { known: [] as number[], unknown: [] as number[] };
    for (let i = 0; i < SAMPLES; i++) {
      const other = `unknown-${run}-${++fresh}@example.com`;
      if (kind === "sign-up") {
        samples.known.push(await timed("/sign-up/email", { email: known, password: "another long passphrase", name: "k" }, through));
        samples.unknown.push(await timed("/sign-up/email", { email: other, password: "another long passphrase", name: "u" }, through));
      } else {
        samples.known.push(await timed("/request-password-reset", { email: known, redirectTo: "/reset-password" }, through));
        samples.unknown.push(await timed("/request-password-reset", { email: other, redirectTo: "/reset-password" }, through));
      }
    }
    rows.push({ case: kind, through, known: summarize(samples.known), unknown: summarize(samples.unknown) });
  }
}

const table = markdownTable(
  ["request", "through", "known address p50 (ms)", "unknown address p50 (ms)", "known p95", "unknown p95"],
  rows.map((row) => [row.case, row.through === "route" ? "route (with floor)" : "better-auth alone", row.known.p50, row.unknown.p50, row.known.p95, row.unknown.p95]),
);
console.log(table);
reportResult(rows, table);
await accountMailsSettled();
await smtp.close();
await context.redis.quit();
await context.db.$disconnect();
process.exit(0);
