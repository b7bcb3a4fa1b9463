// A scheduled monitor run. The central worker receives the scheduler's job and hands the run to each of
// the monitor's live regions (a job on the region's queue, or probed right here when this worker serves
// that region). A region probes through the same engine as instant checks, judging the target with its
// own policy (DNS can change), and reports its verdict through the verdict sink; record-vote.ts counts it.
import { isIP } from "node:net";
import { type Db, sqlPool } from "../db";
import { familyChoice, familyNameSql } from "../checks/check-options";
import { type ProbeRunner, runEngine } from "../probes/engine";
import { consume, type Limiters } from "../limits/rate-limits";
import { hasRoute } from "../probes/route-check";
import type { MonitorPlan, MonitorProbeJob, QueueFor } from "../queue/probe-queues";
import { PROBE_JOB_OPTIONS, withEnqueueTimeout } from "../queue/probe-queues";
import { TargetError } from "../targets/errors";
import type { TargetRules } from "../targets/policy";
import { addressesToProbe, type Resolver, resolveTarget } from "../targets/resolve-target";
import type { VerdictSink } from "../verdicts/sink";
import { unescapePayload } from "./payload";
import type { FamilyVerdict } from "./state-machine";
import { type MonitorRunOutcome, recordMonitorVote } from "./record-vote";

export type { MonitorRunOutcome } from "./record-vote";

export interface ProbeMonitorDeps {
  rules: TargetRules;
  resolver?: Resolver;
  runner: ProbeRunner;
  /** Monitors pay for their probes from the target's budget, as checks do. */
  limiters?: Pick<Limiters, "target">;
}

/** A run the target's budget did not allow: it neither probes nor votes. */
export const RATE_LIMITED = "RATE_LIMITED";

/** Probes one monitor's plan from here. Never throws for the target's sake: a failure is a verdict. */
export async function probeMonitorPlan(plan: MonitorPlan, deps: ProbeMonitorDeps): Promise<{ verdicts: FamilyVerdict[]; failure: string | null }> {
  try {
    const target = await resolveTarget(plan.host, { ...deps.rules, resolver: deps.resolver });
    const addresses = addressesToProbe(target, familyChoice(plan.family));
    if (addresses.length === 0) return { verdicts: [], failure: "DNS_FAILED" };
    for (const address of addresses) {
      if (deps.limiters && !(await consume(deps.limiters.target, address.address, 1)).allowed) return { verdicts: [], failure: RATE_LIMITED };
    }
    const verdicts: FamilyVerdict[] = [];
    await runEngine(
      {
        kind: plan.protocol,
        addresses,
        ports: [plan.port],
        hostname: isIP(plan.host) === 0 ? plan.host : undefined,
        parallelism: 1,
        // TLS and send/expect are TCP's; a UDP monitor sends its port's protocol payload.
        options:
          plan.protocol === "tcp"
            ? { timeoutMs: plan.timeoutMs, tls: plan.tls, send: plan.sendText ? unescapePayload(plan.sendText) : undefined, expectReply: plan.expectReply ?? undefined }
            : { timeoutMs: plan.timeoutMs },
      },
      // A monitor run is one port: it starts before the probes of large checks.
      { runner: deps.runner, routable: hasRoute, urgent: true, onResult: ({ family, address, verdict }) => verdicts.push({ family, address, verdict }) },
    );
    return { verdicts: verdicts.sort((a, b) => a.family - b.family), failure: null };
  } catch (error) {
    if (!(error instanceof TargetError)) throw error;
    return { verdicts: [], failure: error.code === "dns_failed" ? "DNS_FAILED" : "TARGET_FORBIDDEN" };
  }
}

/** A region's job: probe, then vote. */
export async function probeMonitorJob(job: MonitorProbeJob, deps: ProbeMonitorDeps & { sink: VerdictSink }): Promise<void> {
  const { verdicts, failure } = await probeMonitorPlan(job.plan, deps);
  if (failure === RATE_LIMITED) return;
  await deps.sink.monitorResult({
    kind: "monitor-result",
    monitorId: job.monitorId,
    region: job.region,
    scheduledAt: job.scheduledAt,
    checkedAt: Date.now(),
    plan: job.plan,
    verdicts,
    failure,
  });
}

export const PLAN_SELECT = {
  host: true, port: true, timeoutMs: true, protocol: true, family: true, tls: true, sendText: true, expectReply: true, paused: true, regions: true,
} as const;

export interface DispatchDeps {
  db: Db;
  queueFor: QueueFor;
  liveRegions: () => Promise<ReadonlySet<string>>;
  /** The region this worker probes itself, when it probes at all. */
  localRegion: string | null;
  probeHere: (job: MonitorProbeJob) => Promise<void>;
}

export type DispatchOutcome = { kind: "missing" } | { kind: "paused" } | { kind: "dispatched"; regions: string[] };

const PLAN_SQL = `
SELECT host, port, timeout_ms AS "timeoutMs", protocol::text AS protocol,
  ${familyNameSql("family")} AS family, tls::text AS tls,
  send_text AS "sendText", expect_reply AS "expectReply", paused, regions
FROM monitors WHERE id = $1`;

/** A monitor's plan, paused flag and regions: plain SQL, as every scheduled run reads it (the same fields as PLAN_SELECT). */
async function readPlan(db: Db, monitorId: string): Promise<(MonitorPlan & { paused: boolean; regions: string[] }) | null> {
  const { rows } = await sqlPool(db).query<MonitorPlan & { paused: boolean; regions: string[] }>({ name: "monitor-plan", text: PLAN_SQL, values: [monitorId] });
  return rows[0] ?? null;
}

/** Hands one scheduled run to each live region of the monitor. Regions without a live worker are skipped: they do not vote. */
export async function dispatchMonitorRun(monitorId: string, scheduledAt: Date, deps: DispatchDeps): Promise<DispatchOutcome> {
  const monitor = await readPlan(deps.db, monitorId);
  if (!monitor) return { kind: "missing" };
  if (monitor.paused) return { kind: "paused" };
  const { regions, paused: _paused, ...plan } = monitor;
  const live = await deps.liveRegions();
  const asked = regions.filter((region) => region === deps.localRegion || live.has(region));
  const jobs = asked.map((region): MonitorProbeJob => ({ kind: "monitor", monitorId, region, scheduledAt: scheduledAt.getTime(), plan }));
  const far = jobs.filter((job) => job.region !== deps.localRegion);
  if (far.length) {
    await withEnqueueTimeout(
      Promise.all(
        far.map((job) =>
          deps.queueFor(job.region).add("monitor", job, { ...PROBE_JOB_OPTIONS, attempts: 2, jobId: `monitor.${monitorId}.${job.scheduledAt}.${job.region}`, priority: 1 }),
        ),
      ),
    );
  }
  const here = jobs.find((job) => job.region === deps.localRegion);
  if (here) await deps.probeHere(here);
  return { kind: "dispatched", regions: asked };
}

export interface RunMonitorDeps extends ProbeMonitorDeps {
  db: Db;
  /** The region this run votes for (default local). */
  region?: string;
}

/** One run of a monitor from one region, probed and recorded right here (the single-region path, and tests). */
export async function runMonitor(monitorId: string, scheduledAt: Date, deps: RunMonitorDeps): Promise<MonitorRunOutcome> {
  const region = deps.region ?? "local";
  const monitor = await deps.db.monitor.findUnique({ where: { id: monitorId }, select: PLAN_SELECT });
  if (!monitor) return { kind: "missing" };
  if (monitor.paused) return { kind: "paused" };
  const seen = await deps.db.monitorResult.findUnique({ where: { monitorId_scheduledAt_region: { monitorId, scheduledAt, region } }, select: { id: true } });
  if (seen) return { kind: "duplicate" };
  const { regions: _regions, paused: _paused, ...plan } = monitor;
  const { verdicts, failure } = await probeMonitorPlan(plan, deps);
  if (failure === RATE_LIMITED) return { kind: "rate_limited" };
  return recordMonitorVote(
    deps.db,
    { kind: "monitor-result", monitorId, region, scheduledAt: scheduledAt.getTime(), checkedAt: Date.now(), plan, verdicts, failure },
    new Set([region]),
  );
}
