// The target policy: may Portcheck connect to this IP address? Every probe goes through judgeAddress.
import { isIP } from "node:net";
import ipaddr from "ipaddr.js";
import { type Cidr, IPV6_GLOBAL_UNICAST, parsedV4, parsedV6 } from "./forbidden-ranges";

export type Family = 4 | 6;

/** Operator overrides: TARGET_DENYLIST refuses more, TARGET_ALLOWLIST exempts from the forbidden ranges. */
export interface TargetRules {
  allowlist?: readonly Cidr[];
  denylist?: readonly Cidr[];
}

export type Judgement =
  | { allowed: true; address: string; family: Family }
  | { allowed: false; address: string; family: Family; reason: string };

/**
 * Judges one IP address in standard notation (dotted-quad IPv4 or IPv6, as node:net accepts it; no zone id).
 * IPv4-mapped IPv6 is judged, and returned, as the IPv4 address inside it.
 * Returns null when the text is not such an address.
 */
export function judgeAddress(text: string, rules: TargetRules = {}): Judgement | null {
  if (text.includes("%") || isIP(text) === 0 || !ipaddr.isValid(text)) return null;
  const parsed = unwrapMapped(ipaddr.parse(text.includes(":") ? dottedTailToHex(text) : text));
  const family: Family = parsed.kind() === "ipv4" ? 4 : 6;
  const address = parsed.toString();
  const inList = (list: readonly Cidr[] = []) => list.some(([range, bits]) => range.kind() === parsed.kind() && parsed.match(range, bits));
  const reason = family === 4 ? forbiddenV4(parsed as ipaddr.IPv4) : forbiddenV6(parsed as ipaddr.IPv6);
  // Refused either way; a built-in reason ("a private network") tells the person more than the operator's list.
  if (inList(rules.denylist)) return { allowed: false, address, family, reason: reason ?? "refused by this Portcheck's operator" };
  if (inList(rules.allowlist)) return { allowed: true, address, family };
  return reason ? { allowed: false, address, family, reason } : { allowed: true, address, family };
}

/** An IPv4-mapped IPv6 address (::ffff:a.b.c.d) is the IPv4 address inside it. */
export function unwrapMapped(address: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 {
  return address.kind() === "ipv6" && (address as ipaddr.IPv6).isIPv4MappedAddress() ? (address as ipaddr.IPv6).toIPv4Address() : address;
}

/** The sentence a person sees when a target is refused; `name` when a hostname resolved to it. */
export function refusalMessage(judgement: { address: string; reason: string }, name?: string): string {
  const what = name ? `${name} resolves to ${judgement.address}, which` : judgement.address;
  return `${what} is ${judgement.reason}; Portcheck only checks public internet addresses.`;
}

function forbiddenV4(address: ipaddr.IPv4): string | null {
  return parsedV4.find(({ parsed: [range, bits] }) => address.match(range, bits))?.reason ?? null;
}

function forbiddenV6(address: ipaddr.IPv6): string | null {
  const listed = parsedV6.find(({ parsed: [range, bits] }) => address.match(range, bits));
  if (listed) return listed.reason;
  if (!address.match(IPV6_GLOBAL_UNICAST[0], IPV6_GLOBAL_UNICAST[1])) return "not global unicast";
  return null;
}

/**
 * Rewrites an embedded dotted IPv4 tail (::1.2.3.4) as two hex groups (::102:304): ipaddr.js reads
 * "::a.b.c.d" as IPv4-mapped, but it is IPv4-compatible (::/96), which the policy refuses.
 */
export function dottedTailToHex(text: string): string {
  const match = /^(.*:)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text);
  if (!match || !ipaddr.IPv4.isValidFourPartDecimal(match[2]!)) return text;
  const [a, b, c, d] = ipaddr.IPv4.parse(match[2]!).octets as [number, number, number, number];
  return `${match[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
}

