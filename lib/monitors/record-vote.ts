// The central side of a monitor run: one region's verdict. It is recorded (once per scheduled time and
// region), moves that region's own confirmed state, and the monitor's state changes only when a quorum
// of the voting regions agrees (default: a majority). A region that has no live worker, or has not
// reported for two intervals, does not vote either way. Incidents and alerts say what each region saw.
// During a maintenance window the result is kept (marked) and the regions' states move, but the monitor's
// state holds: no incident, no alert. The first vote after the window then confirms whatever changed.
import type { Db } from "../db";
import { ALERT_CHANNELS_SELECT, createDeliveries } from "../alerts/create-deliveries";
import type { IncidentRegion } from "../alerts/alert-payload";
import { newId } from "../ids";
import { maintenanceFor } from "../maintenance/covering-windows";
import type { MonitorVerdict } from "../queue/probe-queues";
import { certificateAlert } from "./certificate-alert";
import { recordVoteFast } from "./fast-vote";
import { judgeRun, type MonitorState, type Observation, tally, transition } from "./state-machine";

export type MonitorRunOutcome =
  | { kind: "missing" }
  | { kind: "paused" }
  | { kind: "duplicate" }
  | { kind: "stale" }
  | { kind: "rate_limited" }
  | { kind: "recorded"; deliveryIds: string[] };

const PLAN_KEYS = ["host", "port", "timeoutMs", "protocol", "family", "tls", "sendText", "expectReply"] as const;

/** A region's vote counts while its last result is this recent. */
export function voteFreshMs(intervalSeconds: number, timeoutMs: number): number {
  return 2 * intervalSeconds * 1000 + timeoutMs + 30_000;
}

/** What deciding a vote needs of the monitor (read under its row lock, or optimistically by fast-vote.ts). */
export interface VoteSubject {
  host: string;
  port: number;
  expect: "open" | "closed";
  timeoutMs: number;
  protocol: "tcp" | "udp";
  family: "v4" | "v6" | "both";
  tls: "auto" | "on" | "off";
  sendText: string | null;
  expectReply: string | null;
  degradedLatencyMs: number | null;
  intervalSeconds: number;
  confirmations: number;
  state: MonitorState;
  regions: string[];
  quorum: number | null;
  regionStates: { region: string; state: MonitorState; streakState: Observation | null; streakCount: number; cause: string | null; lastCheckedAt: Date | null }[];
}

/** True when the verdict is about the monitor as it is now: same target, same question, a region still asked. */
export function voteIsCurrent(current: VoteSubject, message: MonitorVerdict): boolean {
  return PLAN_KEYS.every((key) => current[key] === message.plan[key]) && current.regions.includes(message.region);
}

/** The result row of a vote, without its ids and times. */
function resultRow(current: VoteSubject, message: MonitorVerdict, judged: ReturnType<typeof judgeRun>, facts: MonitorVerdict["verdicts"][number]["verdict"] | undefined) {
  const { verdicts } = message;
  const deciding = judged.deciding;
  return {
    probe: current.protocol,
    state: deciding ? (deciding.verdict.state === "open|filtered" ? "open_filtered" : deciding.verdict.state) : "error",
    reason: deciding?.verdict.reason ?? null,
    observation: judged.observation,
    family: deciding?.family ?? null,
    address: deciding?.address ?? null,
    latencyMs: deciding?.verdict.latencyMs ?? null,
    errorCode: message.failure ?? deciding?.verdict.errorCode ?? null,
    detail: {
      cause: judged.cause,
      families: verdicts.map(({ family, address, verdict }) => ({ family, address, state: verdict.state, reason: verdict.reason, latencyMs: verdict.latencyMs, errorCode: verdict.errorCode })),
      tls: facts?.tls ?? null,
      banner: facts?.banner ?? null,
      ...(current.expectReply ? { replyMatched: verdicts.some((item) => item.verdict.replyMatched) } : {}),
    } as object,
  } as const;
}

/**
 * Pure: what one region's vote does. Its run is judged, the region's own state moves (after `confirmations`
 * agreeing runs), and the monitor's state changes only when the voting regions agree (and no window is on).
 */
export function decideVote(current: VoteSubject, message: MonitorVerdict, live: ReadonlySet<string>, maintenance: boolean) {
  const { region } = message;
  const checkedAt = new Date(message.checkedAt);
  const judged = judgeRun(current, message.verdicts, message.failure);
  const facts = message.verdicts.find((item) => item.verdict.tls || item.verdict.banner)?.verdict;
  const previous = current.regionStates.find((item) => item.region === region) ?? { state: "pending" as MonitorState, streakState: null, streakCount: 0 };
  const mine = transition(previous, judged.observation, current.confirmations);
  const fresh = voteFreshMs(current.intervalSeconds, current.timeoutMs);
  const states = new Map(current.regionStates.map((item) => [item.region, item]));
  states.set(region, { region, state: mine.state, streakState: mine.streakState, streakCount: mine.streakCount, cause: judged.cause, lastCheckedAt: checkedAt });
  const regions: IncidentRegion[] = current.regions.map((name) => {
    const item = states.get(name);
    const voting =
      !!item && (name === region || live.has(name)) && !!item.lastCheckedAt && checkedAt.getTime() - item.lastCheckedAt.getTime() <= fresh && item.state !== "pending" && item.state !== "paused";
    return { region: name, state: item?.state ?? "pending", cause: item?.cause ?? null, voting };
  });
  const votes = regions.filter((item) => item.voting);
  const agreed = tally(votes.map((item) => item.state as Observation), current.quorum);
  const changedTo: Observation | null = !maintenance && agreed && agreed !== current.state ? agreed : null;
  const several = current.regions.length > 1;
  const cause = several && changedTo ? agreedCause(votes, changedTo) : judged.cause;
  return { judged, mine, regions, changedTo, several, cause, tls: facts?.tls ?? null, result: { ...resultRow(current, message, judged, facts), maintenance } };
}

export async function recordMonitorVote(db: Db, message: MonitorVerdict, live: ReadonlySet<string>): Promise<MonitorRunOutcome> {
  // Most votes change nothing but a streak: one read and one write, no lock (fast-vote.ts).
  const fast = await recordVoteFast(db, message, live);
  if (fast) return fast;
  return recordVoteLocked(db, message, live);
}

/** The general path: everything under the monitor's row lock, in one transaction. */
export async function recordVoteLocked(db: Db, message: MonitorVerdict, live: ReadonlySet<string>): Promise<MonitorRunOutcome> {
  const { monitorId, region } = message;
  const scheduledAt = new Date(message.scheduledAt);
  const checkedAt = new Date(message.checkedAt);
  return db.$transaction(async (tx) => {
    // One vote at a time changes a monitor's state: lock its row.
    await tx.$queryRaw`SELECT id FROM monitors WHERE id = ${monitorId} FOR UPDATE`;
    const current = await tx.monitor.findUnique({
      where: { id: monitorId },
      select: {
        id: true, name: true, host: true, port: true, expect: true, timeoutMs: true, paused: true, protocol: true, family: true, tls: true,
        sendText: true, expectReply: true, degradedLatencyMs: true, intervalSeconds: true, confirmations: true, state: true,
        emailAlerts: true, webhookUrl: true, alertRepeatMinutes: true, certExpiryDays: true, certAlertedFingerprint: true,
        regions: true, quorum: true, regionStates: true,
        user: { select: { email: true, emailVerified: true } },
        ...ALERT_CHANNELS_SELECT,
      },
    });
    if (!current) return { kind: "missing" } as const;
    if (current.paused) return { kind: "paused" } as const;
    // Changed while it was probed: this verdict is about the old target, the old question or a region no longer asked.
    if (!voteIsCurrent(current, message)) return { kind: "stale" } as const;

    const maintenance = (await maintenanceFor(tx, [monitorId], checkedAt)).has(monitorId);
    const { judged, mine, regions, changedTo, several, cause, tls, result } = decideVote(current, message, live, maintenance);
    const inserted = await tx.monitorResult.createMany({ data: [{ monitorId, scheduledAt, checkedAt, region, ...result }], skipDuplicates: true });
    if (inserted.count === 0) return { kind: "duplicate" } as const;

    await tx.monitorRegion.upsert({
      where: { monitorId_region: { monitorId, region } },
      create: { monitorId, region, state: mine.state, streakState: mine.streakState, streakCount: mine.streakCount, cause: judged.cause, lastCheckedAt: checkedAt },
      update: { state: mine.state, streakState: mine.streakState, streakCount: mine.streakCount, cause: judged.cause, lastCheckedAt: checkedAt },
    });
    await tx.monitor.update({
      where: { id: monitorId },
      data: {
        state: changedTo ?? current.state,
        streakState: mine.streakState,
        streakCount: mine.streakCount,
        lastCheckedAt: checkedAt,
        ...(changedTo ? { stateChangedAt: checkedAt } : {}),
      },
    });
    const deliveryIds: string[] = [];
    const target = { ...current, state: changedTo ?? current.state };
    const regionView = several ? { regions } : {};
    if (changedTo) {
      const before = await tx.incident.findFirst({ where: { monitorId, endedAt: null }, orderBy: { startedAt: "desc" }, select: { id: true, state: true, startedAt: true } });
      await tx.incident.updateMany({ where: { monitorId, endedAt: null }, data: { endedAt: checkedAt } });
      const incident = await tx.incident.create({
        data: { id: newId(), monitorId, state: changedTo, startedAt: checkedAt, cause, lastAlertAt: checkedAt, ...(several ? { regions: regions as object[] } : {}) },
      });
      const incidentView = { id: incident.id, state: incident.state, startedAt: checkedAt.toISOString(), endedAt: null, cause: incident.cause, ...regionView };
      // Alert when it goes down or slow, and when it recovers from either; not for the first "up" after pending.
      const recovered = changedTo === "up" && (before?.state === "down" || before?.state === "degraded");
      const outage = recovered && before
        ? { outage: { startedAt: before.startedAt.toISOString(), endedAt: checkedAt.toISOString(), durationSeconds: Math.round((checkedAt.getTime() - before.startedAt.getTime()) / 1000) } }
        : {};
      if (changedTo !== "up" || recovered) deliveryIds.push(...(await createDeliveries(tx, target, changedTo, incidentView, incident.id, outage)));
    } else if (!maintenance && current.state === "down" && current.alertRepeatMinutes > 0) {
      const open = await tx.incident.findFirst({ where: { monitorId, endedAt: null, state: "down" }, select: { id: true, startedAt: true, cause: true, lastAlertAt: true } });
      if (open && (!open.lastAlertAt || checkedAt.getTime() - open.lastAlertAt.getTime() >= current.alertRepeatMinutes * 60_000)) {
        await tx.incident.update({ where: { id: open.id }, data: { lastAlertAt: checkedAt } });
        const incidentView = { id: open.id, state: "down" as const, startedAt: open.startedAt.toISOString(), endedAt: null, cause: open.cause, ...regionView };
        deliveryIds.push(...(await createDeliveries(tx, target, "reminder", incidentView, `${open.id}-reminder-${checkedAt.getTime()}`)));
      }
    }
    if (!maintenance) deliveryIds.push(...(await certificateAlert(tx, target, tls)));
    return { kind: "recorded", deliveryIds } as const;
  });
}

/** "eu-west, us-east: filtered: no-response": the regions that agreed, and what the first of them saw. */
function agreedCause(votes: readonly IncidentRegion[], state: Observation): string {
  const agreeing = votes.filter((item) => item.state === state || (state === "degraded" && item.state === "down"));
  return `${agreeing.map((item) => item.region).join(", ")}: ${agreeing[0]?.cause ?? state}`;
}
