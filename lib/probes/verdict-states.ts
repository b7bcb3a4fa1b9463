// Every verdict state and every reason, named once: what it means, its colour and icon. The API, the
// pages, the advice and the alerts read this table. Pure and dependency-free, so the browser can use it.

export const VERDICT_STATES = ["open", "closed", "filtered", "open|filtered", "error"] as const;
export type VerdictState = (typeof VERDICT_STATES)[number];
/** A result that has no verdict yet. Never stored: a missing row is pending. */
export type ResultState = VerdictState | "pending";

export type Tone = "neutral" | "good" | "bad" | "warn" | "unknown" | "error";
export type Icon = "clock" | "check" | "cross" | "shield" | "question" | "alert";

export interface StateText {
  label: string;
  /** One sentence, for any port. Advice tailored to the port is in lib/ports/advice.ts. */
  meaning: string;
  tone: Tone;
  icon: Icon;
}

export const STATE_TEXT: Record<ResultState, StateText> = {
  pending: { label: "Checking…", meaning: "Waiting for an answer.", tone: "neutral", icon: "clock" },
  open: { label: "Open", meaning: "Something answered on this port: it is reachable from the internet.", tone: "good", icon: "check" },
  closed: { label: "Closed", meaning: "The host answered, but nothing listens on this port.", tone: "bad", icon: "cross" },
  filtered: {
    label: "Filtered",
    meaning: "No usable answer: a firewall, router or provider drops or rejects the connection before it reaches a program.",
    tone: "warn",
    icon: "shield",
  },
  "open|filtered": {
    label: "Open or filtered",
    meaning: "Nothing came back. For UDP that proves nothing either way: many services only answer requests they understand, and firewalls drop silently too.",
    tone: "unknown",
    icon: "question",
  },
  error: { label: "Error", meaning: "The probe could not run from this vantage point, so it says nothing about the port.", tone: "error", icon: "alert" },
};

export const REASONS = [
  "syn-ack",
  "conn-refused",
  "no-response",
  "host-unreach",
  "net-unreach",
  "proto-unreach",
  "admin-prohibited",
  "dest-unreach",
  "perm-denied",
  "timeout",
  "udp-response",
  "port-unreach",
  "no-route",
  "local-error",
  "aborted",
] as const;
export type Reason = (typeof REASONS)[number];

/** The evidence behind a verdict, in nmap's vocabulary where it has a word for it. */
export const REASON_TEXT: Record<Reason, string> = {
  "syn-ack": "The TCP handshake completed (SYN-ACK).",
  "conn-refused": "The host refused the connection (TCP reset, or ICMP port unreachable).",
  "no-response": "Nothing came back before the deadline, even when asked again.",
  "host-unreach": "A router reported the host unreachable (ICMP host unreachable; on IPv4 also how hosts and routers say administratively prohibited).",
  "net-unreach": "A router reported the network unreachable (ICMP network unreachable).",
  "proto-unreach": "The host does not speak the protocol (ICMP protocol unreachable).",
  "admin-prohibited": "A firewall rejected the connection: ICMPv6 administratively prohibited, policy failure or reject route.",
  "dest-unreach": "A router reported the destination unreachable for another reason (host isolated, source route failed).",
  "perm-denied": "This vantage point's own firewall did not let the probe out.",
  timeout: "The operating system gave up waiting for the handshake.",
  "udp-response": "The port replied to a UDP datagram.",
  "port-unreach": "The host answered ICMP port unreachable: nothing listens on this UDP port.",
  "no-route": "This vantage point has no route to this address family, so the port could not be probed from here.",
  "local-error": "The probe failed on this vantage point (out of sockets, bad local address).",
  aborted: "The probe was stopped before it finished.",
};

export function stateText(state: ResultState): StateText {
  return STATE_TEXT[state];
}

/** Evidence that the host answers probes to closed ports: its silence elsewhere may be a rate limit. */
export const ANSWERED_REASONS: ReadonlySet<Reason> = new Set(["conn-refused", "port-unreach", "host-unreach", "net-unreach", "proto-unreach", "admin-prohibited", "dest-unreach"]);
