// A monitor's state in words that fit it: a port that must stay closed and opens is EXPOSED, not down.
// One table for the pages, the e-mails and the webhook body. Pure.
export type MonitorStateName = "pending" | "up" | "degraded" | "down" | "paused";
export type StateLabel = "PENDING" | "UP" | "SLOW" | "DOWN" | "EXPOSED" | "PAUSED";

export function stateLabel(expect: "open" | "closed", state: MonitorStateName): StateLabel {
  if (state === "down") return expect === "closed" ? "EXPOSED" : "DOWN";
  return ({ pending: "PENDING", up: "UP", degraded: "SLOW", paused: "PAUSED" } as const)[state];
}

/** "Exposed", "Up"... for badges. */
export function stateWord(expect: "open" | "closed", state: MonitorStateName): string {
  const label = stateLabel(expect, state);
  return label.charAt(0) + label.slice(1).toLowerCase();
}

/** "4 min 10 s", "2 h 5 min", "3 d 4 h": how long an outage lasted. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ""}`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h${Math.floor((s % 3600) / 60) ? ` ${Math.floor((s % 3600) / 60)} min` : ""}`;
  return `${Math.floor(s / 86_400)} d${Math.floor((s % 86_400) / 3600) ? ` ${Math.floor((s % 86_400) / 3600)} h` : ""}`;
}
