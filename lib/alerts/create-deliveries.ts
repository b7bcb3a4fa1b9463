// Decide who is told about an event: one delivery per configured channel (the monitor's e-mail and webhook,
// and each attached notification channel), created inside the transaction that recorded the event, with an
// id derived from it so it exists once.
import type { AlertChannel, Prisma } from "../generated/prisma/client";
import { emailChannelAllowed } from "./channels/email-allowed";
import { channelKind } from "./channels/registry";
import { type AlertPayload, EVENT_NAMES, monitorUrl } from "./alert-payload";
import { type MonitorStateName, stateLabel } from "../monitors/state-label";

export type Tx = Prisma.TransactionClient;

/** The attached notification channels, as createDeliveries needs them: spread into a monitor select. */
export const ALERT_CHANNELS_SELECT = { channels: { select: { channel: { select: { id: true, kind: true, config: true } } } } } as const;

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
  channels: { channel: { id: string; kind: string; config: unknown } }[];
}

interface Recipient {
  /** Part of the delivery id: "email", "webhook", or "ch-<channel id>". */
  key: string;
  channel: AlertChannel;
  channelId: string | null;
  target: string;
}

function recipients(monitor: AlertTarget): Recipient[] {
  const list: Recipient[] = [];
  // Only to a confirmed address: alerts must not become a way to mail strangers.
  if (monitor.emailAlerts && monitor.user.emailVerified) list.push({ key: "email", channel: "email", channelId: null, target: monitor.user.email });
  if (monitor.webhookUrl) list.push({ key: "webhook", channel: "webhook", channelId: null, target: monitor.webhookUrl });
  for (const { channel } of monitor.channels) {
    const kind = channelKind(channel.kind);
    const config = kind.configSchema.safeParse(channel.config);
    if (!config.success) continue;
    if (channel.kind === "email" && !emailChannelAllowed(config.data, monitor.user)) continue;
    list.push({ key: `ch-${channel.id}`, channel: channel.kind as AlertChannel, channelId: channel.id, target: kind.describe(config.data) });
  }
  return list;
}

export async function createDeliveries(
  tx: Tx,
  monitor: AlertTarget,
  event: keyof typeof EVENT_NAMES,
  incident: AlertPayload["incident"],
  key: string,
  extra: Pick<AlertPayload, "certificate" | "outage"> = {},
): Promise<string[]> {
  const ids: string[] = [];
  for (const { key: part, channel, channelId, target } of recipients(monitor)) {
    const id = `${key}-${part}`;
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
    await tx.alertDelivery.create({ data: { id, monitorId: monitor.id, channelId, incidentId: incident?.id ?? null, channel, event, target, payload: payload as object } });
    ids.push(id);
  }
  return ids;
}
