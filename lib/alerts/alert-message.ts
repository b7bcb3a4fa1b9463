// An alert in words: its headline (the state label: DOWN, EXPOSED, UP...), a subject, the sentences that
// say what happened and what to do, and the facts (monitor, target, what was seen, since when) with every
// time in the reader's time zone, named. E-mails (alert-email.ts) and chat channels render this. Pure.
import { formatDuration } from "../monitors/state-label";
import { STATE_TEXT, VERDICT_STATES } from "../probes/verdict-states";
import { type AlertPayload, regionsLine } from "./alert-payload";

export interface AlertMessage {
  /** One or two words, upper case: DOWN, EXPOSED, UP, CLOSED AGAIN, SLOW, STILL DOWN, CERTIFICATE, TEST. */
  headline: string;
  /** How bad: colours and priorities of the channels. */
  severity: "bad" | "good" | "warning" | "info";
  subject: string;
  /** What happened, then what to do, one sentence each. */
  sentences: string[];
  facts: [label: string, value: string][];
  url: string;
}

/** A valid IANA zone name (Intl knows it), for settings and channels. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** "7 Dec 2026, 17:03:05 CET (Europe/Berlin)": the local time with its zone named. */
export function localTime(iso: string | null | undefined, timeZone = "UTC"): string {
  if (!iso) return "an unknown time";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const zone = isTimeZone(timeZone) ? timeZone : "UTC";
  const text = new Intl.DateTimeFormat("en-GB", { timeZone: zone, dateStyle: "medium", timeStyle: "long" }).format(date);
  return text.endsWith(zone) ? text : `${text} (${zone})`;
}

/** "filtered: no-response (IPv6)" -> the cause, then what the verdict means, from the one table of states. */
function explainCause(cause: string | null | undefined): string | null {
  if (!cause) return null;
  const state = VERDICT_STATES.find((name) => cause.startsWith(`${name}:`));
  return state ? `${cause}. ${STATE_TEXT[state].meaning}` : cause;
}

export function alertMessage(payload: AlertPayload, timeZone = "UTC"): AlertMessage {
  const { monitor, incident } = payload;
  const target = `${monitor.host}:${monitor.port}`;
  const closed = monitor.expect === "closed";
  const since = localTime(incident?.startedAt, timeZone);
  const seen = explainCause(incident?.cause);
  const regions = regionsLine(incident?.regions).trim();
  const facts: [string, string][] = [
    ["Monitor", monitor.name],
    ["Target", `${target} (${monitor.expect === "open" ? "must be reachable" : "must never be reachable"})`],
  ];
  if (seen) facts.push(["What was seen", seen]);
  if (regions) facts.push(["Regions", regions.replace(/^Regions: /, "")]);
  if (incident) facts.push(["Since", since]);
  const base = { facts, url: monitor.url };
  switch (payload.event) {
    case "monitor.down":
      return closed
        ? { ...base, headline: "EXPOSED", severity: "bad", subject: `EXPOSED: ${monitor.name} (${target})`, sentences: [`${monitor.name} is exposed since ${since}: ${target} should never be reachable, and it answers from the internet.`, "Close it in the firewall, or stop the program listening on it."] }
        : { ...base, headline: "DOWN", severity: "bad", subject: `DOWN: ${monitor.name} (${target})`, sentences: [`${monitor.name} is down since ${since}.`, `${target} should be reachable.`] };
    case "monitor.reminder":
      return { ...base, headline: closed ? "STILL EXPOSED" : "STILL DOWN", severity: "bad", subject: `Still ${closed ? "EXPOSED" : "DOWN"}: ${monitor.name} (${target})`, sentences: [`${monitor.name} has been ${closed ? "exposed" : "down"} since ${since}.`] };
    case "monitor.up": {
      const outage = payload.outage;
      const lasted = outage ? ` after ${formatDuration(outage.durationSeconds)} ${closed ? "exposed" : "of outage"} (since ${localTime(outage.startedAt, timeZone)})` : "";
      if (outage) facts.push(["Lasted", formatDuration(outage.durationSeconds)]);
      return { ...base, headline: closed ? "CLOSED AGAIN" : "UP", severity: "good", subject: `${closed ? "CLOSED again" : "UP"}: ${monitor.name} (${target})`, sentences: [`${monitor.name} is ${closed ? "closed" : "up"} again since ${since}${lasted}.`, `${target} ${closed ? "should NOT be reachable" : "should be reachable"}, and it is as expected.`] };
    }
    case "monitor.degraded":
      return { ...base, headline: "SLOW", severity: "warning", subject: `SLOW: ${monitor.name} (${target})`, sentences: [`${monitor.name} answers, but slowly, since ${since}.`] };
    case "monitor.certificate": {
      const certificate = payload.certificate;
      const days = certificate?.daysLeft ?? 0;
      facts.push(["Certificate", `${certificate?.subject ?? "unknown subject"}, issued by ${certificate?.issuer ?? "an unknown issuer"}`], ["Valid until", localTime(certificate?.validTo, timeZone)]);
      return {
        ...base,
        headline: days < 0 ? "CERTIFICATE EXPIRED" : "CERTIFICATE EXPIRES",
        severity: days < 0 ? "bad" : "warning",
        subject: `Certificate ${days < 0 ? "EXPIRED" : `expires in ${days} days`}: ${monitor.name} (${target})`,
        sentences: [`The TLS certificate of ${target} ${days < 0 ? "expired" : "expires"} on ${localTime(certificate?.validTo, timeZone)}.`, "Renew it before clients start refusing the connection."],
      };
    }
    case "test":
      return { ...base, headline: "TEST", severity: "info", subject: `Test alert: ${monitor.name}`, sentences: [`This is a test alert from Portcheck for ${monitor.name} (${target}), sent ${localTime(payload.occurredAt, timeZone)}.`, "If you can read this, alerts reach you here."] };
  }
}

/** The message as plain text: sentences, facts, link. */
export function alertPlainText(message: AlertMessage): string {
  const facts = message.facts.map(([label, value]) => `${label}: ${value}`).join("\n");
  return `${message.sentences.join("\n")}\n\n${facts}\n\n${message.url}`;
}
