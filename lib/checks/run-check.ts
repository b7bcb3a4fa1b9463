// Run one instant check (the worker's job): resolve once, judge every address, probe every port of each
// address family asked for through the probe engine, and write verdicts in batches as they arrive.
// Safe to run twice: a re-run reuses the addresses judged the first time and probes only what is missing.
import { isIP } from "node:net";
import type { Logger } from "pino";
import type { Db } from "../db";
import { consume } from "../limits/rate-limits";
import type { Limiters } from "../limits/rate-limits";
import { type ProbeRunner, runEngine } from "../probes/engine";
import { hasRoute } from "../probes/route-check";
import { TargetError } from "../targets/errors";
import { judgeAddress, type TargetRules } from "../targets/policy";
import { addressesToProbe, type ResolvedAddress, type Resolver, resolveTarget } from "../targets/resolve-target";
import type { CheckEvent } from "./check-events";
import { createResultWriter } from "./result-writer";
import { familyChoice } from "./check-options";

export const DEFAULT_REGION = "local";

export interface RunCheckDeps {
  db: Db;
  limiters: Pick<Limiters, "target">;
  rules: TargetRules;
  resolver?: Resolver;
  runner: ProbeRunner;
  parallelism: number;
  /** Aborted at shutdown: no new probe starts, the check is handed back unfinished. */
  signal?: AbortSignal;
  /** On the last attempt a transient failure (DNS SERVFAIL) is final. */
  isFinalAttempt: boolean;
  log: Logger;
  /** Whether this vantage point routes to an address (default: ask the kernel). */
  routable?: (address: ResolvedAddress) => Promise<boolean>;
  /** Tells waiting clients that results were written or the check ended. */
  notify?: (checkId: string, event: CheckEvent) => void;
}

/** done/failed: the check is finished. skipped: nothing to do. interrupted: hand the job back. */
export type RunOutcome = "done" | "failed" | "skipped" | "interrupted";

export async function runCheck(checkId: string, deps: RunCheckDeps): Promise<RunOutcome> {
  const { db, log } = deps;
  const check = await db.check.findUnique({
    where: { id: checkId },
    select: {
      host: true,
      ports: true,
      timeoutMs: true,
      status: true,
      protocol: true,
      family: true,
      tls: true,
      verifyToken: true,
      addresses: true,
      results: { where: { region: DEFAULT_REGION }, select: { port: true, family: true } },
    },
  });
  if (!check || check.status === "done" || check.status === "failed") return "skipped";
  if (check.status === "queued") await db.check.updateMany({ where: { id: checkId, status: "queued" }, data: { status: "running", startedAt: new Date() } });

  let addresses: ResolvedAddress[];
  let hostname: string | undefined;
  try {
    ({ addresses, hostname } = await chooseAddresses(check, deps));
  } catch (error) {
    if (!(error instanceof TargetError)) throw error;
    if (error.transient && !deps.isFinalAttempt) throw error; // let BullMQ retry with backoff
    await failCheck(db, checkId, error.code, error.message);
    deps.notify?.(checkId, "done");
    log.info({ checkId, code: error.code }, "check refused or unresolvable");
    if (error.code === "dns_failed") return "failed";
    throw error; // a policy refusal: the worker marks the job unrecoverable
  }
  if (!Array.isArray(check.addresses)) {
    await db.check.updateMany({ where: { id: checkId, status: "running" }, data: { addresses: addresses.map(({ address, family }) => ({ address, family })) } });
  }

  const done = new Set(check.results.map((result) => `${result.family}:${result.port}`));
  const pending = addresses.map((address) => ({ address, ports: check.ports.filter((port) => !done.has(`${address.family}:${port}`)) }));
  // Each address pays for its own probes, whoever asks.
  for (const item of pending.filter((entry) => entry.ports.length > 0)) {
    const limit = await consume(deps.limiters.target, item.address.address, item.ports.length);
    if (!limit.allowed) {
      await failCheck(db, checkId, "rate_limited", `${item.address.address} has been probed too often in the last minute, by you or others. Try again in ${limit.retryAfterSeconds} s.`);
      deps.notify?.(checkId, "done");
      return "failed";
    }
  }

  const writer = createResultWriter(db, checkId, {
    region: DEFAULT_REGION,
    probe: check.protocol,
    withOwnership: check.verifyToken !== null,
    onWritten: () => deps.notify?.(checkId, "results"),
  });
  const runs = await Promise.all(
    pending
      .filter((item) => item.ports.length > 0)
      .map((item) =>
        runEngine(
          {
            kind: check.protocol,
            addresses: [item.address],
            ports: item.ports,
            hostname,
            parallelism: deps.parallelism,
            options: { timeoutMs: check.timeoutMs, ...(check.protocol === "tcp" ? { tls: check.tls } : {}), verifyToken: check.verifyToken ?? undefined },
          },
          { runner: deps.runner, onResult: writer.add, signal: deps.signal, routable: deps.routable ?? hasRoute },
        ),
      ),
  );
  await writer.close();
  if (runs.some((run) => run.interrupted)) return "interrupted";
  await db.check.updateMany({
    where: { id: checkId, status: { in: ["queued", "running"] } },
    data: { status: "done", finishedAt: new Date(), verifyToken: null },
  });
  deps.notify?.(checkId, "done");
  return "done";
}

/**
 * The addresses to probe: those judged on a first attempt (judged again: the policy may have changed),
 * or a fresh lookup, stored so that a retry probes the same addresses.
 */
async function chooseAddresses(
  check: { host: string; family: "v4" | "v6" | "both"; addresses: unknown },
  deps: Pick<RunCheckDeps, "db" | "rules" | "resolver">,
): Promise<{ addresses: ResolvedAddress[]; hostname: string | undefined }> {
  const family = familyChoice(check.family);
  const target = await resolveTarget(check.host, { ...deps.rules, resolver: storedResolver(check.addresses) ?? deps.resolver });
  const hostname = isIP(check.host) === 0 ? check.host : undefined;
  const addresses = addressesToProbe(target, family);
  if (addresses.length === 0) {
    const wanted = family === "6" ? "IPv6 address (AAAA record)" : "IPv4 address (A record)";
    throw new TargetError("dns_failed", `${check.host} has no ${wanted}.`);
  }
  return { addresses, hostname };
}

/** A "resolver" that answers with the addresses stored by an earlier attempt, so DNS is asked once per check. */
function storedResolver(stored: unknown): Resolver | undefined {
  if (!Array.isArray(stored) || stored.length === 0) return undefined;
  const addresses = stored.flatMap((item) => {
    const judged = typeof item?.address === "string" ? judgeAddress(item.address) : null;
    return judged ? [{ address: judged.address, family: judged.family }] : [];
  });
  return async () => addresses;
}

/** Ends a check as failed (first outcome wins). */
export async function failCheck(db: Db, checkId: string, code: string, message: string): Promise<void> {
  await db.check.updateMany({
    where: { id: checkId, status: { in: ["queued", "running"] } },
    data: { status: "failed", errorCode: code, errorMessage: message, finishedAt: new Date(), verifyToken: null },
  });
}
