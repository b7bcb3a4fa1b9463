// What a failed connect or a UDP error means, errno by errno. Linux turns ICMP destination-unreachable
// codes into these errors (net/ipv4/icmp.c icmp_err_convert, net/ipv6/icmp.c icmpv6_err_convert); the
// mapping follows nmap's connect scan (scan_engine_connect.cc) so its authors would sign every verdict.
import type { Reason, VerdictState } from "./verdict-states";

export interface ErrorVerdict {
  state: VerdictState;
  reason: Reason;
}

/**
 * TCP connect errors. ECONNREFUSED is a reset or ICMP port unreachable: closed. ECONNRESET and EPIPE can
 * only happen after the handshake completed (a reset during SYN_SENT is ECONNREFUSED), so they are open.
 * IPv4 reports administratively prohibited (codes 9, 10, 13) as EHOSTUNREACH, IPv6 as EACCES.
 */
const TCP: Record<string, ErrorVerdict> = {
  ECONNREFUSED: { state: "closed", reason: "conn-refused" },
  ECONNRESET: { state: "open", reason: "syn-ack" },
  EPIPE: { state: "open", reason: "syn-ack" },
  EHOSTUNREACH: { state: "filtered", reason: "host-unreach" },
  EHOSTDOWN: { state: "filtered", reason: "host-unreach" },
  ENETUNREACH: { state: "filtered", reason: "net-unreach" },
  ENOPROTOOPT: { state: "filtered", reason: "proto-unreach" },
  EPROTO: { state: "filtered", reason: "dest-unreach" },
  ENONET: { state: "filtered", reason: "dest-unreach" },
  ENOTSUP: { state: "filtered", reason: "dest-unreach" },
  EOPNOTSUPP: { state: "filtered", reason: "dest-unreach" },
  EACCES: { state: "filtered", reason: "admin-prohibited" },
  EPERM: { state: "filtered", reason: "perm-denied" },
  ETIMEDOUT: { state: "filtered", reason: "timeout" },
};

/** UDP: ICMP port unreachable is closed; every other unreachable is filtered, as nmap -sU says. */
const UDP: Record<string, ErrorVerdict> = {
  ...TCP,
  ECONNREFUSED: { state: "closed", reason: "port-unreach" },
  ECONNRESET: { state: "closed", reason: "port-unreach" },
  EPIPE: { state: "error", reason: "local-error" },
};

export function tcpErrorVerdict(code: string): ErrorVerdict {
  return TCP[code] ?? { state: "error", reason: "local-error" };
}

export function udpErrorVerdict(code: string): ErrorVerdict {
  return UDP[code] ?? { state: "error", reason: "local-error" };
}
