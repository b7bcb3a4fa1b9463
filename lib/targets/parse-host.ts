// Turns what a person typed as "host" into an IP literal or an ASCII hostname, or refuses it.
// Every spelling of an address (127.1, 0x7f.1, 2130706433, full-width digits, [::1]) is normalised first.
import { isIPv6 } from "node:net";
import { domainToASCII } from "node:url";
import ipaddr from "ipaddr.js";
import { TargetError } from "./errors";
import { dottedTailToHex, type Family, unwrapMapped } from "./policy";

export type ParsedHost = { kind: "ip"; address: string; family: Family } | { kind: "name"; name: string };

export const MAX_HOST_LENGTH = 253;

/** Names that only ever resolve inside a private network, or never. Refused without a lookup. */
const PRIVATE_SUFFIXES = [
  "localhost",
  "localdomain",
  "local",
  "internal",
  "intranet",
  "lan",
  "home",
  "corp",
  "home.arpa",
  "arpa",
  "onion",
  "invalid",
  "test",
  "example",
];

const LABEL = /^(?!-)[a-z0-9_-]{1,63}(?<!-)$/;

export function parseHost(input: string): ParsedHost {
  const raw = input.trim();
  if (raw === "") throw invalid("Enter a hostname or an IP address.");
  if (raw.length > MAX_HOST_LENGTH + 2) throw invalid(`A hostname has at most ${MAX_HOST_LENGTH} characters.`);
  if (/[\s/\\@?#]/.test(raw) || raw.includes("://")) {
    throw invalid("Enter only a hostname or an IP address: no scheme, path, port or user name.");
  }
  if (raw.includes("%")) throw invalid("IPv6 zone ids (the %… suffix) are not accepted.");

  if (raw.startsWith("[") || raw.includes(":")) {
    const literal = raw.startsWith("[") && raw.endsWith("]") ? raw.slice(1, -1) : raw;
    // node:net's grammar first: ipaddr.js also takes spellings such as ::ffff:0177.0.0.1 and reads them its own way.
    const inner = dottedTailToHex(literal);
    if (!isIPv6(literal) || !ipaddr.IPv6.isValid(inner)) {
      throw invalid("That is not a valid IPv6 address (put the port in the ports field, not after a colon).");
    }
    const parsed = unwrapMapped(ipaddr.IPv6.parse(inner));
    return { kind: "ip", address: parsed.toString(), family: parsed.kind() === "ipv4" ? 4 : 6 };
  }

  // WHATWG host parsing: IDN to punycode, lower case, full-width forms, and numeric IPv4 spellings
  // (127.1, 0x7f.1, 017700000001, 2130706433) become dotted decimal.
  let ascii = domainToASCII(raw);
  if (ascii === "") throw invalid("That is not a valid hostname.");
  if (ascii.endsWith(".")) ascii = ascii.slice(0, -1);
  if (ipaddr.IPv4.isValidFourPartDecimal(ascii)) {
    return { kind: "ip", address: ipaddr.IPv4.parse(ascii).toString(), family: 4 };
  }
  const labels = ascii.split(".");
  const last = labels[labels.length - 1] ?? "";
  if (/^(\d+|0x[0-9a-f]*)$/i.test(last)) throw invalid("That is not a valid IPv4 address or hostname.");
  if (ascii.length > MAX_HOST_LENGTH) throw invalid(`A hostname has at most ${MAX_HOST_LENGTH} characters.`);
  if (!labels.every((label) => LABEL.test(label))) {
    throw invalid("That is not a valid hostname: each part has 1 to 63 letters, digits or hyphens.");
  }
  if (labels.length < 2) {
    throw new TargetError("target_forbidden", "Enter a full domain name such as example.com: single-label names only resolve inside private networks.");
  }
  if (PRIVATE_SUFFIXES.some((suffix) => ascii === suffix || ascii.endsWith(`.${suffix}`))) {
    throw new TargetError("target_forbidden", `Names under .${last} only resolve inside private networks; Portcheck does not check them.`);
  }
  return { kind: "name", name: ascii };
}

function invalid(message: string): TargetError {
  return new TargetError("invalid_host", message);
}
