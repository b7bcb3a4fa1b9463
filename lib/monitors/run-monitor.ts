// One scheduled run of a monitor (the "monitors" queue's job): judge the target again (DNS can change),
// probe through the same engine as instant checks, record the result once per scheduled time, move the
// state machine, open and close incidents, and create the alert deliveries, all in one transaction.
import { isIP } from "node:net";
import type { Db } from "../db";
import { createDeliveries } from "../alerts/create-deliveries";
import { familyChoice } from "../checks/check-options";
import { newId } from "../ids";
import { type ProbeRunner, runEngine } from "../probes/engine";
import { hasRoute } from "../probes/route-check";
import { TargetError } from "../targets/errors";
import type { TargetRules } from "../targets/policy";
import { addressesToProbe, type Resolver, resolveTarget } from "../targets/resolve-target";
import { certificateAlert } from "./certificate-alert";
import { unescapePayload } from "./payload";
import { type FamilyVerdict, judgeRun, transition } from "./state-machine";

export interface RunMonitorDeps {
  db: Db;
  rules: TargetRules;
  resolver?: Resolver;
  runner: ProbeRunner;
}

export type MonitorRunOutcome =
  | { kind: "missing" }
  | { kind: "paused" }
  | { kind: "duplicate" }
  | { kind: "stale" }
  | { kind: "recorded"; deliveryIds: string[] };

const PROBE_SELECT = {
  host: true, port: true, expect: true, timeoutMs: true, paused: true, protocol: true, family: true, tls: true,
  sendText: true, expectReply: true, degradedLatencyMs: true,
} as const;

type ProbeSettings = { host: string; port: number; timeoutMs: number; protocol: "tcp" | "udp"; family: "v4" | "v6" | "both"; tls: "auto" | "on" | "off"; sendText: string | null; expectReply: string | null };

async function probeMonitor(monitor: ProbeSettings, deps: RunMonitorDeps): Promise<{ verdicts: FamilyVerdict[]; failure: string | null }> {
  try {
    const target = await resolveTarget(monitor.host, { ...deps.rules, resolver: deps.resolver });
    const addresses = addressesToProbe(target, familyChoice(monitor.family));
    if (addresses.length === 0) return { verdicts: [], failure: "DNS_FAILED" };
    const verdicts: FamilyVerdict[] = [];
    await runEngine(
      {
        kind: monitor.protocol,
        addresses,
        ports: [monitor.port],
        hostname: isIP(monitor.host) === 0 ? monitor.host : undefined,
        parallelism: 1,
        // TLS and send/expect are TCP's; a UDP monitor sends its port's protocol payload.
        options:
          monitor.protocol === "tcp"
            ? { timeoutMs: monitor.timeoutMs, tls: monitor.tls, send: monitor.sendText ? unescapePayload(monitor.sendText) : undefined, expectReply: monitor.expectReply ?? undefined }
            : { timeoutMs: monitor.timeoutMs },
      },
      { runner: deps.runner, routable: hasRoute, onResult: ({ family, address, verdict }) => verdicts.push({ family, address, verdict }) },
    );
    return { verdicts: verdicts.sort((a, b) => a.family - b.family), failure: null };
  } catch (error) {
    if (!(error instanceof TargetError)) throw error;
    return { verdicts: [], failure: error.code === "dns_failed" ? "DNS_FAILED" : "TARGET_FORBIDDEN" };
  }
}

export async function runMonitor(monitorId: string, scheduledAt: Date, deps: RunMonitorDeps): Promise<MonitorRunOutcome> {
  const { db } = deps;
  const monitor = await db.monitor.findUnique({ where: { id: monitorId }, select: PROBE_SELECT });
  if (!monitor) return { kind: "missing" };
  if (monitor.paused) return { kind: "paused" };
  if (await db.monitorResult.findUnique({ where: { monitorId_scheduledAt: { monitorId, scheduledAt } }, select: { id: true } })) {
    return { kind: "duplicate" };
  }
  const { verdicts, failure } = await probeMonitor(monitor, deps);
  const checkedAt = new Date();
  return db.$transaction(async (tx) => {
    // One run at a time changes a monitor's state: lock its row.
    await tx.$queryRaw`SELECT id FROM monitors WHERE id = ${monitorId} FOR UPDATE`;
    const current = await tx.monitor.findUnique({
      where: { id: monitorId },
      select: {
        ...PROBE_SELECT, id: true, name: true, confirmations: true, state: true, streakState: true, streakCount: true, emailAlerts: true,
        webhookUrl: true, alertRepeatMinutes: true, certExpiryDays: true, certAlertedFingerprint: true,
        user: { select: { email: true, emailVerified: true } },
      },
    });
    if (!current) return { kind: "missing" } as const;
    if (current.paused) return { kind: "paused" } as const;
    // Changed while we probed: this verdict is about the old target or the old question.
    const keys = ["host", "port", "expect", "protocol", "family", "tls", "sendText", "expectReply"] as const;
    if (keys.some((key) => current[key] !== monitor[key])) return { kind: "stale" } as const;

    const judged = judgeRun(current, verdicts, failure);
    const deciding = judged.deciding;
    const facts = verdicts.find((item) => item.verdict.tls || item.verdict.banner)?.verdict;
    const inserted = await tx.monitorResult.createMany({
      data: [
        {
          monitorId,
          scheduledAt,
          checkedAt,
          probe: current.protocol,
          state: deciding ? (deciding.verdict.state === "open|filtered" ? "open_filtered" : deciding.verdict.state) : "error",
          reason: deciding?.verdict.reason ?? null,
          observation: judged.observation,
          family: deciding?.family ?? null,
          address: deciding?.address ?? null,
          latencyMs: deciding?.verdict.latencyMs ?? null,
          errorCode: failure ?? deciding?.verdict.errorCode ?? null,
          detail: {
            cause: judged.cause,
            families: verdicts.map(({ family, address, verdict }) => ({ family, address, state: verdict.state, reason: verdict.reason, latencyMs: verdict.latencyMs, errorCode: verdict.errorCode })),
            tls: facts?.tls ?? null,
            banner: facts?.banner ?? null,
            ...(current.expectReply ? { replyMatched: verdicts.some((item) => item.verdict.replyMatched) } : {}),
          } as object,
        },
      ],
      skipDuplicates: true,
    });
    if (inserted.count === 0) return { kind: "duplicate" } as const;
    const next = transition(current, judged.observation, current.confirmations);
    await tx.monitor.update({
      where: { id: monitorId },
      data: {
        state: next.state,
        streakState: next.streakState,
        streakCount: next.streakCount,
        lastCheckedAt: checkedAt,
        ...(next.changedTo ? { stateChangedAt: checkedAt } : {}),
      },
    });
    const deliveryIds: string[] = [];
    const target = { ...current, state: next.state };
    if (next.changedTo) {
      const previous = await tx.incident.findFirst({ where: { monitorId, endedAt: null }, orderBy: { startedAt: "desc" }, select: { id: true, state: true } });
      await tx.incident.updateMany({ where: { monitorId, endedAt: null }, data: { endedAt: checkedAt } });
      const incident = await tx.incident.create({
        data: { id: newId(), monitorId, state: next.changedTo, startedAt: checkedAt, cause: judged.cause, lastAlertAt: checkedAt },
      });
      const incidentView = { id: incident.id, state: incident.state, startedAt: checkedAt.toISOString(), endedAt: null, cause: incident.cause };
      // Alert when it goes down or slow, and when it recovers from either; not for the first "up" after pending.
      const recovered = next.changedTo === "up" && (previous?.state === "down" || previous?.state === "degraded");
      if (next.changedTo !== "up" || recovered) {
        deliveryIds.push(...(await createDeliveries(tx, target, next.changedTo, incidentView, incident.id)));
      }
    } else if (next.state === "down" && current.alertRepeatMinutes > 0) {
      const open = await tx.incident.findFirst({ where: { monitorId, endedAt: null, state: "down" }, select: { id: true, startedAt: true, cause: true, lastAlertAt: true } });
      if (open && (!open.lastAlertAt || checkedAt.getTime() - open.lastAlertAt.getTime() >= current.alertRepeatMinutes * 60_000)) {
        await tx.incident.update({ where: { id: open.id }, data: { lastAlertAt: checkedAt } });
        const incidentView = { id: open.id, state: "down" as const, startedAt: open.startedAt.toISOString(), endedAt: null, cause: open.cause };
        deliveryIds.push(...(await createDeliveries(tx, target, "reminder", incidentView, `${open.id}-reminder-${checkedAt.getTime()}`)));
      }
    }
    deliveryIds.push(...(await certificateAlert(tx, target, facts?.tls ?? null)));
    return { kind: "recorded", deliveryIds } as const;
  });
}
