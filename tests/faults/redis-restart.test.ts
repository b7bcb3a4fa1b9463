// Fault: Redis restarted (killed, then started on the same port with its append-only file) while checks are
// in flight and monitors run. The API answers 503 problem+json during the outage without hanging, and the web
// and the worker recover by themselves: every check completes and every monitor runs again on schedule.
import { privateRedis } from "./private-redis-env";
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
  await privateRedis.stop();
});

it("survives a Redis restart during checks and monitor runs", async () => {
  const figures = await runRestartScenario({ name: "redis", kill: () => privateRedis.kill(), start: () => privateRedis.start() }, cleanups);
  expect(figures.checksInFlightAtFault).toBeGreaterThan(0);
  recordFigures("redis-restart", { how: "redis-server (appendonly yes) killed with SIGKILL, started again on the same port", ...figures });
}, 240_000);
