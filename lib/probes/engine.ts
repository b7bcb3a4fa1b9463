// The probe engine that checks and monitors share: every port of every address family side by side,
// then a second, paced ask for silent ports on a host that answered others with a refusal or ICMP,
// because hosts rate-limit their ICMP errors (Linux: a burst of 6, then one a second) and a closed port
// must not pass for a filtered one. A host that answers nothing still finishes in about one timeout.
import type { ResolvedAddress } from "../targets/resolve-target";
import type { ProbeKind, ProbeOptions, ProbeRunner, Verdict } from "./types";

export type { ProbeRunner } from "./types";
import { probes } from "./registry";
import { ANSWERED_REASONS } from "./verdict-states";


export interface EnginePlan {
  kind: ProbeKind;
  /** One address per family to probe, already allowed by the target policy. */
  addresses: readonly ResolvedAddress[];
  ports: readonly number[];
  hostname?: string;
  options: Omit<ProbeOptions, "signal">;
  /** Ports of one address probed at the same time in the first pass. */
  parallelism: number;
}

export interface EngineResult {
  port: number;
  address: string;
  family: 4 | 6;
  verdict: Verdict;
}

export interface EngineDeps {
  runner: ProbeRunner;
  /** Called once per (port, family) with the final verdict, as soon as it is final. */
  onResult: (result: EngineResult) => void;
  /** Aborted at shutdown: nothing new starts; unfinished ports get no result. */
  signal?: AbortSignal;
  /** Whether this vantage point can route to the address at all (no IPv6 here, say). */
  routable?: (address: ResolvedAddress) => Promise<boolean>;
  /** A small job: its probes start before those of large jobs. */
  urgent?: boolean;
}

/** Spacing of the second asks: one per Linux default ICMP token (1 s), with a little margin. */
export const RETRY_PACE_MS = 1050;
/** Paced second asks stop after this; the rest are asked all at once. */
export const RETRY_BUDGET_MS = 60_000;
/**
 * Pacing pays when the answers look like a spent ICMP budget: at least a few (Linux answers a burst of 6,
 * then one a second), but not more than a rate-limited host gives in one pass. With fewer or more,
 * silences are real (a router that rejects one port and drops the rest, a host that resets closed ports
 * and drops others) and are asked again all at once, which costs one timeout.
 */
export const PACED_ANSWERS = { min: 4, max: 12 } as const;

export async function runEngine(plan: EnginePlan, deps: EngineDeps): Promise<{ interrupted: boolean }> {
  const { timeoutMs: _timeout, ...options } = plan.options;
  const checked = probes[plan.kind].options.safeParse(Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)));
  if (!checked.success) throw new Error(`${plan.kind} probes do not take these options: ${checked.error.message}`);
  const outcomes = await Promise.all(plan.addresses.map((address) => probeAddress(plan, address, deps)));
  return { interrupted: outcomes.includes(false) };
}

/** False when interrupted. */
async function probeAddress(plan: EnginePlan, address: ResolvedAddress, deps: EngineDeps): Promise<boolean> {
  const emit = (port: number, verdict: Verdict) => deps.onResult({ port, address: address.address, family: address.family, verdict });
  if (deps.routable && !(await deps.routable(address))) {
    for (const port of plan.ports) emit(port, { state: "error", reason: "no-route", latencyMs: null, errorCode: "ENETUNREACH" });
    return true;
  }
  const probe = (port: number) =>
    deps.runner(plan.kind, { address: address.address, family: address.family, port, hostname: plan.hostname }, { ...plan.options, signal: deps.signal, ...(deps.urgent ? { urgent: true } : {}) });

  const silent = new Map<number, Verdict>();
  let answered = 0;
  let interrupted = false;
  await pool(plan.ports, plan.parallelism, async (port) => {
    if (deps.signal?.aborted) {
      interrupted = true;
      return;
    }
    const verdict = await probe(port);
    if (verdict.reason === "aborted") {
      interrupted = true;
      return;
    }
    if (ANSWERED_REASONS.has(verdict.reason)) answered++;
    if (verdict.reason === "no-response") silent.set(port, verdict);
    else emit(port, verdict);
  });
  if (interrupted) return false;
  const quiet = [...silent.keys()].sort((a, b) => a - b);
  if (answered === 0 || quiet.length === 0) {
    for (const port of quiet) emit(port, silent.get(port)!);
    return true;
  }

  // The host answers probes to closed ports, so its silence may be a spent ICMP budget: ask again.
  const paced = answered < PACED_ANSWERS.min || answered > PACED_ANSWERS.max ? [] : quiet.slice(0, Math.floor(RETRY_BUDGET_MS / RETRY_PACE_MS));
  const started = performance.now();
  const retries = quiet.map(async (port) => {
    const index = paced.indexOf(port);
    // The first paced ask waits one token too: the first pass may have spent the last one.
    const wait = index >= 0 ? started + (index + 1) * RETRY_PACE_MS - performance.now() : paced.length * RETRY_PACE_MS - (performance.now() - started);
    if (wait > 0) await sleep(wait, deps.signal);
    if (deps.signal?.aborted) {
      interrupted = true;
      return;
    }
    const verdict = await probe(port);
    if (verdict.reason === "aborted") interrupted = true;
    else emit(port, verdict);
  });
  await Promise.all(retries);
  return !interrupted;
}

/** Runs `work` over `items`, at most `limit` at a time. */
async function pool<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) await work(items[next++]!);
  });
  await Promise.all(lanes);
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    }
    signal?.addEventListener("abort", done, { once: true });
  });
}
