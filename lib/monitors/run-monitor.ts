// One scheduled run of a monitor (the "monitors" queue's job): judge the target again (DNS can change),
// probe, record the result once per scheduled time, move the state machine, open and close incidents,
// and create the alert deliveries, all in one transaction.
import type { Db } from "../db";
import { createDeliveries } from "../alerts/create-deliveries";
import { tcpProbe } from "../probes/tcp";
import type { Verdict } from "../probes/types";
import { TargetError } from "../targets/errors";
import type { TargetRules } from "../targets/policy";
import { type Resolver, resolveTarget } from "../targets/resolve-target";
import { newId } from "../ids";
import { observe, transition } from "./state-machine";

export interface RunMonitorDeps {
  db: Db;
  rules: TargetRules;
  resolver?: Resolver;
}

export type MonitorRunOutcome =
  | { kind: "missing" }
  | { kind: "paused" }
  | { kind: "duplicate" }
  | { kind: "stale" }
  | { kind: "recorded"; deliveryIds: string[] };

async function probeTarget(host: string, port: number, timeoutMs: number, deps: RunMonitorDeps): Promise<Verdict & { address: string | null }> {
  try {
    const { address } = await resolveTarget(host, { ...deps.rules, resolver: deps.resolver });
    return { ...(await tcpProbe({ address: address.address, family: address.family, port }, { timeoutMs })), address: address.address };
  } catch (error) {
    if (!(error instanceof TargetError)) throw error;
    const errorCode = error.code === "dns_failed" ? "DNS_FAILED" : "TARGET_FORBIDDEN";
    return { state: "error", latencyMs: null, errorCode, address: null };
  }
}

export async function runMonitor(monitorId: string, scheduledAt: Date, deps: RunMonitorDeps): Promise<MonitorRunOutcome> {
  const { db } = deps;
  const monitor = await db.monitor.findUnique({ where: { id: monitorId }, select: { host: true, port: true, expect: true, timeoutMs: true, paused: true } });
  if (!monitor) return { kind: "missing" };
  if (monitor.paused) return { kind: "paused" };
  if (await db.monitorResult.findUnique({ where: { monitorId_scheduledAt: { monitorId, scheduledAt } }, select: { id: true } })) {
    return { kind: "duplicate" };
  }

  const verdict = await probeTarget(monitor.host, monitor.port, monitor.timeoutMs, deps);
  const checkedAt = new Date();

  return db.$transaction(async (tx) => {
    // One run at a time changes a monitor's state: lock its row.
    await tx.$queryRaw`SELECT id FROM monitors WHERE id = ${monitorId} FOR UPDATE`;
    const current = await tx.monitor.findUnique({
      where: { id: monitorId },
      select: {
        id: true, name: true, host: true, port: true, expect: true, confirmations: true, paused: true, state: true,
        streakState: true, streakCount: true, emailAlerts: true, webhookUrl: true, alertRepeatMinutes: true,
        user: { select: { email: true, emailVerified: true } },
      },
    });
    if (!current) return { kind: "missing" } as const;
    if (current.paused) return { kind: "paused" } as const;
    // Changed while we probed: this verdict is about the old target.
    if (current.host !== monitor.host || current.port !== monitor.port || current.expect !== monitor.expect) return { kind: "stale" } as const;
    const observation = observe(current.expect, verdict.state, verdict.errorCode);
    const inserted = await tx.monitorResult.createMany({
      data: [{ monitorId, scheduledAt, checkedAt, state: verdict.state, observation, address: verdict.address, latencyMs: verdict.latencyMs, errorCode: verdict.errorCode }],
      skipDuplicates: true,
    });
    if (inserted.count === 0) return { kind: "duplicate" } as const;

    const next = transition(current, observation, current.confirmations);
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
        data: { id: newId(), monitorId, state: next.changedTo, startedAt: checkedAt, cause: verdict.errorCode ?? verdict.state, lastAlertAt: checkedAt },
      });
      const incidentView = { id: incident.id, state: incident.state, startedAt: checkedAt.toISOString(), endedAt: null, cause: incident.cause };
      // Alert when it goes down, and when it recovers from down; not for the first "up" after pending.
      if (next.changedTo === "down" || previous?.state === "down") {
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
    return { kind: "recorded", deliveryIds } as const;
  });
}
