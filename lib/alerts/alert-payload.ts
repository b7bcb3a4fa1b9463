// The documented body of every alert (webhook JSON) and its e-mail rendering.
import { env } from "../env";
import { STATE_TEXT, VERDICT_STATES } from "../probes/verdict-states";
import { formatDuration, type StateLabel } from "../monitors/state-label";

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

/** "filtered: no-response (IPv6)" -> the cause, then what the verdict means, from the one table of states. */
function explainCause(cause: string | null | undefined): string {
  if (!cause) return "";
  const state = VERDICT_STATES.find((name) => cause.startsWith(`${name}:`));
  return state ? ` (last verdict: ${cause}. ${STATE_TEXT[state].meaning})` : ` (${cause})`;
}

export function alertEmail(payload: AlertPayload): { subject: string; text: string } {
  const { monitor, incident } = payload;
  const target = `${monitor.host}:${monitor.port}`;
  const expectation = monitor.expect === "open" ? "should be reachable" : "should NOT be reachable";
  const cause = explainCause(incident?.cause) + regionsLine(incident?.regions);
  switch (payload.event) {
    case "monitor.down":
      return monitor.expect === "closed"
        ? {
            subject: `EXPOSED: ${monitor.name} (${target})`,
            text: `${monitor.name} is exposed since ${incident?.startedAt}: ${target} should never be reachable, and it answers from the internet${cause}.\nClose it in the firewall, or stop the program listening on it.\n\n${monitor.url}`,
          }
        : {
            subject: `DOWN: ${monitor.name} (${target})`,
            text: `${monitor.name} is down since ${incident?.startedAt}${cause}.\n${target} ${expectation}.\n\n${monitor.url}`,
          };
    case "monitor.reminder":
      return {
        subject: `Still ${monitor.expect === "closed" ? "EXPOSED" : "DOWN"}: ${monitor.name} (${target})`,
        text: `${monitor.name} has been ${monitor.expect === "closed" ? "exposed" : "down"} since ${incident?.startedAt}${cause}.\n\n${monitor.url}`,
      };
    case "monitor.up": {
      const lasted = payload.outage ? ` after ${formatDuration(payload.outage.durationSeconds)} ${monitor.expect === "closed" ? "exposed" : "of outage"} (since ${payload.outage.startedAt})` : "";
      return {
        subject: `${monitor.expect === "closed" ? "CLOSED again" : "UP"}: ${monitor.name} (${target})`,
        text: `${monitor.name} is ${monitor.expect === "closed" ? "closed" : "up"} again since ${incident?.startedAt}${lasted}.\n${target} ${expectation}, and it is as expected.\n\n${monitor.url}`,
      };
    }
    case "monitor.degraded":
      return {
        subject: `SLOW: ${monitor.name} (${target})`,
        text: `${monitor.name} answers, but slowly, since ${incident?.startedAt}${cause}.\n\n${monitor.url}`,
      };
    case "monitor.certificate": {
      const certificate = payload.certificate;
      const days = certificate?.daysLeft ?? 0;
      return {
        subject: `Certificate ${days < 0 ? "EXPIRED" : `expires in ${days} days`}: ${monitor.name} (${target})`,
        text: `The TLS certificate of ${target} (${certificate?.subject ?? "unknown subject"}, issued by ${certificate?.issuer ?? "an unknown issuer"}) ${days < 0 ? "expired" : "expires"} on ${certificate?.validTo}.\nRenew it before clients start refusing the connection.\n\n${monitor.url}`,
      };
    }
    case "test":
      return { subject: `Test alert: ${monitor.name}`, text: `This is a test alert from Portcheck for ${monitor.name} (${target}).\n\n${monitor.url}` };
  }
}
