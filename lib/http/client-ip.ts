// Who is calling? The socket's peer address, which server.ts puts in a header only it can set,
// and X-Forwarded-For only when that peer is one of TRUSTED_PROXIES.
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import type { Cidr } from "../targets/forbidden-ranges";
import { unwrapMapped } from "../targets/policy";

/** Set by server.ts from req.socket.remoteAddress after deleting any value the client sent. */
export const PEER_HEADER = "x-portcheck-peer";

/** Set by server.ts to the client address it decided on (for libraries that read a header, like better-auth). */
export const CLIENT_IP_HEADER = "x-portcheck-client-ip";

export interface ClientIp {
  ip: string;
  version: 4 | 6;
}

function normalise(text: string): ipaddr.IPv4 | ipaddr.IPv6 | null {
  let value = text.trim();
  if (value.startsWith("[") && value.includes("]")) value = value.slice(1, value.indexOf("]"));
  // Some proxies append the client's port to IPv4 entries: 203.0.113.7:51234.
  value = value.replace(/^(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}$/, "$1");
  if (isIP(value) === 0) return null;
  return unwrapMapped(ipaddr.parse(value));
}

function isTrusted(address: ipaddr.IPv4 | ipaddr.IPv6, trusted: readonly Cidr[]): boolean {
  return trusted.some(([range, bits]) => range.kind() === address.kind() && address.match(range, bits));
}

function toClientIp(address: ipaddr.IPv4 | ipaddr.IPv6): ClientIp {
  return { ip: address.toString(), version: address.kind() === "ipv4" ? 4 : 6 };
}

/**
 * The caller's address, or null when the request did not come through server.ts.
 * Walks X-Forwarded-For from the right, skipping trusted proxies, and stops at the first
 * address a trusted proxy vouches for that is not itself a trusted proxy.
 */
export function clientIp(headers: Headers, trusted: readonly Cidr[]): ClientIp | null {
  const peerText = headers.get(PEER_HEADER);
  if (!peerText) return null;
  let current = normalise(peerText);
  if (!current) return null;
  if (!isTrusted(current, trusted)) return toClientIp(current);

  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalise(hops[i]!);
    // A garbled entry: believe nothing further left than the last proxy we trust.
    if (!hop) break;
    current = hop;
    if (!isTrusted(hop, trusted)) break;
  }
  return toClientIp(current);
}

/** The key a client is rate-limited under: the IPv4 address, or the IPv6 /64 it sits in. */
export function clientKey(client: ClientIp): string {
  if (client.version === 4) return client.ip;
  const parts = ipaddr.IPv6.parse(client.ip).parts.slice(0, 4);
  return `${new ipaddr.IPv6([...parts, 0, 0, 0, 0]).toString()}/64`;
}
