// Decide who is told about an event: one delivery per configured channel, created inside the
// transaction that recorded the event, with an id derived from it so it exists once.
import type { Prisma } from "../generated/prisma/client";
import { type AlertPayload, EVENT_NAMES, monitorUrl } from "./alert-payload";
import { type MonitorStateName, stateLabel } from "../monitors/state-label";

export type Tx = Prisma.TransactionClient;

export interface AlertTarget {
  id: string;
  name: string;
  host: string;
  port: number;
  expect: "open" | "closed";
  state: string;
  emailAlerts: boolean;
  webhookUrl: string | null;
  user: { email: string; emailVerified: boolean };
}

export async function createDeliveries(
  tx: Tx,
  monitor: AlertTarget,
  event: keyof typeof EVENT_NAMES,
  incident: AlertPayload["incident"],
  key: string,
  extra: Pick<AlertPayload, "certificate" | "outage"> = {},
): Promise<string[]> {
  const channels: { channel: "email" | "webhook"; target: string }[] = [];
  // Only to a confirmed address: alerts must not become a way to mail strangers.
  if (monitor.emailAlerts && monitor.user.emailVerified) channels.push({ channel: "email", target: monitor.user.email });
  if (monitor.webhookUrl) channels.push({ channel: "webhook", target: monitor.webhookUrl });
  const ids: string[] = [];
  for (const { channel, target } of channels) {
    const id = `${key}-${channel}`;
    const payload: AlertPayload = {
      id,
      event: EVENT_NAMES[event],
      occurredAt: new Date().toISOString(),
      monitor: {
        id: monitor.id,
        name: monitor.name,
        host: monitor.host,
        port: monitor.port,
        expect: monitor.expect,
        state: monitor.state,
        stateLabel: stateLabel(monitor.expect, monitor.state as MonitorStateName),
        url: monitorUrl(monitor.id),
      },
      incident,
      ...extra,
    };
    await tx.alertDelivery.create({ data: { id, monitorId: monitor.id, incidentId: incident?.id ?? null, channel, event, target, payload: payload as object } });
    ids.push(id);
  }
  return ids;
}
