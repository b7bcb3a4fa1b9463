// Fault: PostgreSQL restarted (a private cluster stopped with pg_ctl -m immediate, as in a crash, then started
// again on the same port) while checks are in flight and monitors run. The API answers 503 problem+json during the outage without hanging, and the web
// and the worker recover by themselves: every check completes and every monitor runs again on schedule.
import { privatePostgres } from "./private-postgres-env";
import { afterAll, expect, it } from "vitest";
import { webContext } from "../../lib/web-context";
import { recordFigures } from "./figures";
import { runRestartScenario } from "./restart-scenario";

const cleanups: (() => unknown)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  const context = webContext();
  context.redis.disconnect();
  await context.db.$disconnect();
  await privatePostgres.stop();
});

it("survives a PostgreSQL restart during checks and monitor runs", async () => {
  const figures = await runRestartScenario({ name: "postgres", kill: () => privatePostgres.kill(), start: () => privatePostgres.start() }, cleanups);
  expect(figures.checksInFlightAtFault).toBeGreaterThan(0);
  recordFigures("postgres-restart", { how: "private PostgreSQL 15 cluster stopped with pg_ctl -m immediate (every backend killed), started again on the same port", ...figures });
}, 240_000);
