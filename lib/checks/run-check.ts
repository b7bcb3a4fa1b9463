// Run one instant check (the worker's job): resolve once, judge every address, probe the pending
// ports with bounded parallelism, and write each verdict as it arrives. Safe to run twice.
import pLimit from "p-limit";
import type { Logger } from "pino";
import type { Db } from "../db";
import { consume } from "../limits/rate-limits";
import type { Limiters } from "../limits/rate-limits";
import { probes } from "../probes/registry";
import { TargetError } from "../targets/errors";
import type { TargetRules } from "../targets/policy";
import { type ResolvedTarget, type Resolver, resolveTarget } from "../targets/resolve-target";

export const DEFAULT_REGION = "default";

export interface RunCheckDeps {
  db: Db;
  limiters: Pick<Limiters, "target">;
  rules: TargetRules;
  resolver?: Resolver;
  parallelism: number;
  /** Aborted at shutdown: no new probe starts, the check is handed back unfinished. */
  signal?: AbortSignal;
  /** On the last attempt a transient failure (DNS SERVFAIL) is final. */
  isFinalAttempt: boolean;
  log: Logger;
}

/** done/failed: the check is finished. skipped: nothing to do. interrupted: hand the job back. */
export type RunOutcome = "done" | "failed" | "skipped" | "interrupted";

export async function runCheck(checkId: string, deps: RunCheckDeps): Promise<RunOutcome> {
  const { db, log } = deps;
  const check = await db.check.findUnique({
    where: { id: checkId },
    select: {
      host: true,
      timeoutMs: true,
      status: true,
      results: { where: { state: "pending", region: DEFAULT_REGION }, select: { port: true, probe: true } },
    },
  });
  if (!check || check.status === "done" || check.status === "failed") return "skipped";
  await db.check.updateMany({ where: { id: checkId, status: "queued" }, data: { status: "running", startedAt: new Date() } });

  let target: ResolvedTarget;
  try {
    target = await resolveTarget(check.host, { ...deps.rules, resolver: deps.resolver });
  } catch (error) {
    if (!(error instanceof TargetError)) throw error;
    if (error.transient && !deps.isFinalAttempt) throw error; // let BullMQ retry with backoff
    await failCheck(db, checkId, error.code, error.message);
    log.info({ checkId, code: error.code }, "check refused or unresolvable");
    if (error.code === "dns_failed") return "failed";
    throw error; // a policy refusal: the worker marks the job unrecoverable
  }

  if (check.results.length > 0) {
    const limit = await consume(deps.limiters.target, target.address.address, check.results.length);
    if (!limit.allowed) {
      await failCheck(db, checkId, "rate_limited", `${target.address.address} has been probed too often in the last minute, by you or others. Try again in ${limit.retryAfterSeconds} s.`);
      return "failed";
    }
  }

  const run = pLimit(deps.parallelism);
  let interrupted = false;
  await Promise.all(
    check.results.map(({ port, probe }) =>
      run(async () => {
        if (deps.signal?.aborted) {
          interrupted = true;
          return;
        }
        const verdict = await probes[probe](
          { address: target.address.address, family: target.address.family, port },
          { timeoutMs: check.timeoutMs },
        );
        // First write wins: a re-delivered job cannot change or double a verdict.
        await db.checkResult.updateMany({
          where: { checkId, probe, region: DEFAULT_REGION, port, state: "pending" },
          data: {
            state: verdict.state,
            address: target.address.address,
            latencyMs: verdict.latencyMs,
            errorCode: verdict.errorCode,
            detail: verdict.detail as object | undefined,
            checkedAt: new Date(),
          },
        });
      }),
    ),
  );
  if (interrupted) return "interrupted";

  await db.check.updateMany({
    where: { id: checkId, status: { in: ["queued", "running"] } },
    data: { status: "done", finishedAt: new Date() },
  });
  return "done";
}

/** Ends a check as failed (first outcome wins). */
export async function failCheck(db: Db, checkId: string, code: string, message: string): Promise<void> {
  await db.check.updateMany({
    where: { id: checkId, status: { in: ["queued", "running"] } },
    data: { status: "failed", errorCode: code, errorMessage: message, finishedAt: new Date() },
  });
}
