// The documented body of every alert (webhook JSON); alert-email.ts renders it as an e-mail.
import { env } from "../env";
import type { StateLabel } from "../monitors/state-label";

export type AlertEventName = "monitor.down" | "monitor.up" | "monitor.degraded" | "monitor.reminder" | "monitor.certificate" | "test";

export interface AlertPayload {
  id: string;
  event: AlertEventName;
  occurredAt: string;
  monitor: { id: string; name: string; host: string; port: number; expect: "open" | "closed"; state: string; stateLabel?: StateLabel; url: string };
  incident: {
    id: string;
    state: "up" | "degraded" | "down";
    startedAt: string;
    endedAt: string | null;
    cause: string | null;
    /** What each of the monitor's regions saw (monitors that run from several regions). Non-voting regions were down or silent. */
    regions?: IncidentRegion[];
  } | null;
  /** monitor.up after an outage: how long it lasted. */
  outage?: { startedAt: string; endedAt: string; durationSeconds: number };
  /** monitor.certificate: the certificate that is about to expire. */
  certificate?: { subject: string | null; issuer: string | null; validTo: string | null; daysLeft: number | null; fingerprint: string | null };
}

export interface IncidentRegion {
  region: string;
  state: string;
  cause: string | null;
  voting: boolean;
}

/** "eu-west: down (filtered: no-response); us-east: not voting" for e-mails, when there are several regions. */
export function regionsLine(regions: readonly IncidentRegion[] | undefined): string {
  if (!regions || regions.length < 2) return "";
  const parts = regions.map((item) => `${item.region}: ${item.voting ? `${item.state}${item.cause ? ` (${item.cause})` : ""}` : "not voting (no live worker or no recent result)"}`);
  return `\nRegions: ${parts.join("; ")}.`;
}

export const EVENT_NAMES = {
  down: "monitor.down",
  up: "monitor.up",
  degraded: "monitor.degraded",
  reminder: "monitor.reminder",
  certificate: "monitor.certificate",
  test: "test",
} as const;

export function monitorUrl(monitorId: string): string {
  return `${env().APP_URL}/monitors/${monitorId}`;
}
