// The address ranges Portcheck never connects to: everything that is not global unicast.
// Sources: the IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890 and successors).
import ipaddr from "ipaddr.js";

export interface ForbiddenRange {
  cidr: string;
  reason: string;
}

export const FORBIDDEN_IPV4: readonly ForbiddenRange[] = [
  { cidr: "0.0.0.0/8", reason: "\"this network\" (0.0.0.0/8)" },
  { cidr: "10.0.0.0/8", reason: "a private network (RFC 1918)" },
  { cidr: "100.64.0.0/10", reason: "carrier-grade NAT space (RFC 6598)" },
  { cidr: "127.0.0.0/8", reason: "loopback" },
  { cidr: "169.254.0.0/16", reason: "link-local, including cloud metadata services" },
  { cidr: "172.16.0.0/12", reason: "a private network (RFC 1918)" },
  { cidr: "192.0.0.0/24", reason: "IETF protocol assignments (192.0.0.0/24)" },
  { cidr: "192.0.2.0/24", reason: "documentation (TEST-NET-1)" },
  { cidr: "192.88.99.0/24", reason: "the deprecated 6to4 relay anycast" },
  { cidr: "192.168.0.0/16", reason: "a private network (RFC 1918)" },
  { cidr: "198.18.0.0/15", reason: "benchmarking (RFC 2544)" },
  { cidr: "198.51.100.0/24", reason: "documentation (TEST-NET-2)" },
  { cidr: "203.0.113.0/24", reason: "documentation (TEST-NET-3)" },
  { cidr: "224.0.0.0/4", reason: "multicast" },
  { cidr: "240.0.0.0/4", reason: "reserved, including broadcast" },
];

/** Checked in order after IPv4-mapped addresses have been unwrapped. */
export const FORBIDDEN_IPV6: readonly ForbiddenRange[] = [
  { cidr: "::/128", reason: "the unspecified address" },
  { cidr: "::1/128", reason: "loopback" },
  { cidr: "::/96", reason: "IPv4-compatible (deprecated)" },
  { cidr: "64:ff9b::/96", reason: "NAT64 (RFC 6052)" },
  { cidr: "64:ff9b:1::/48", reason: "local-use NAT64 (RFC 8215)" },
  { cidr: "100::/64", reason: "discard-only (RFC 6666)" },
  { cidr: "2001::/32", reason: "Teredo" },
  { cidr: "2001::/23", reason: "IETF protocol assignments" },
  { cidr: "2001:db8::/32", reason: "documentation" },
  { cidr: "2002::/16", reason: "6to4" },
  { cidr: "3fff::/20", reason: "documentation (RFC 9637)" },
  { cidr: "fc00::/7", reason: "unique-local (private)" },
  { cidr: "fe80::/10", reason: "link-local" },
  { cidr: "fec0::/10", reason: "site-local (deprecated)" },
  { cidr: "ff00::/8", reason: "multicast" },
];

/** IPv6 global unicast; everything outside it is refused. */
export const IPV6_GLOBAL_UNICAST = ipaddr.parseCIDR("2000::/3");

export type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

export const parsedV4 = FORBIDDEN_IPV4.map((range) => ({ ...range, parsed: ipaddr.parseCIDR(range.cidr) }));
export const parsedV6 = FORBIDDEN_IPV6.map((range) => ({ ...range, parsed: ipaddr.parseCIDR(range.cidr) }));
