// Do PostgreSQL and Redis answer, within a bound? Used by /api/ready.
import { readyRedis } from "../redis";
import type { WebContext } from "../web-context";

const TIMEOUT_MS = 2000;

export interface Readiness {
  status: "ok" | "unavailable";
  checks: { postgres: "ok" | "unavailable"; redis: "ok" | "unavailable" };
}

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error("timeout")), TIMEOUT_MS).unref()),
  ]);
}

async function answers(probe: () => Promise<unknown>): Promise<"ok" | "unavailable"> {
  try {
    await withTimeout(probe());
    return "ok";
  } catch {
    return "unavailable";
  }
}

export async function checkReadiness(context: Pick<WebContext, "db" | "redis">): Promise<Readiness> {
  const [postgres, redis] = await Promise.all([
    answers(() => context.db.$queryRaw`SELECT 1`),
    answers(async () => (await readyRedis(context.redis, TIMEOUT_MS)).ping()),
  ]);
  return { status: postgres === "ok" && redis === "ok" ? "ok" : "unavailable", checks: { postgres, redis } };
}
