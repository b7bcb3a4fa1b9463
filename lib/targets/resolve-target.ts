// Resolve once, judge every address, connect only to a validated one: the defence against DNS rebinding.
import { createResolver, type ResolvedAddress, type Resolver } from "./dns-resolver";
import { TargetError } from "./errors";
import { parseHost } from "./parse-host";
import { type Family, judgeAddress, refusalMessage, type TargetRules } from "./policy";

export type { ResolvedAddress, Resolver } from "./dns-resolver";

/** The system's resolvers with the default deadline; processes build theirs from DNS_SERVERS and DNS_TIMEOUT_MS. */
export const systemResolver: Resolver = createResolver({ servers: null, timeoutMs: 2000 });

export interface ResolvedTarget {
  /** Every address the host resolved to, each one allowed by the policy. */
  addresses: ResolvedAddress[];
  /** The address to probe when only one is wanted: the first IPv4 address, else the first IPv6 one. */
  address: ResolvedAddress;
}

/** The addresses to probe for a family choice: the first of each family asked for. Empty when the name has none. */
export function addressesToProbe(target: ResolvedTarget, family: "4" | "6" | "both"): ResolvedAddress[] {
  const first = (wanted: 4 | 6) => target.addresses.find((candidate) => candidate.family === wanted);
  const chosen = family === "both" ? [first(4), first(6)] : [first(family === "4" ? 4 : 6)];
  return chosen.filter((address): address is ResolvedAddress => address !== undefined);
}

const PERMANENT_DNS_CODES = new Set(["ENOTFOUND", "ENODATA", "EAI_NONAME", "EAI_NODATA", "NXDOMAIN", "ENONAME"]);
const DNS_WORDS: Record<string, string> = {
  ENOTFOUND: "the name does not exist",
  ENODATA: "the name has no address records",
  ETIMEOUT: "the DNS servers did not answer in time",
  ESERVFAIL: "the DNS servers failed to answer",
  EREFUSED: "the DNS servers refused to answer",
  ECONNREFUSED: "the DNS servers could not be reached",
};

/**
 * Parses, resolves (at most one lookup) and judges a host. Throws TargetError with
 * invalid_host, target_forbidden or dns_failed; no connection has been made when it throws.
 */
export async function resolveTarget(
  host: string,
  options: TargetRules & { resolver?: Resolver },
): Promise<ResolvedTarget> {
  const parsed = parseHost(host);
  let candidates: ResolvedAddress[];
  if (parsed.kind === "ip") {
    candidates = [{ address: parsed.address, family: parsed.family }];
  } else {
    try {
      candidates = await (options.resolver ?? systemResolver)(parsed.name);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "";
      const transient = !PERMANENT_DNS_CODES.has(code);
      const words = DNS_WORDS[code] ? `: ${DNS_WORDS[code]}` : "";
      throw new TargetError("dns_failed", `${parsed.name} could not be resolved${words}${code ? ` (${code})` : ""}.`, transient);
    }
    if (candidates.length === 0) throw new TargetError("dns_failed", `${parsed.name} has no IPv4 or IPv6 address.`);
  }

  const addresses: ResolvedAddress[] = [];
  for (const candidate of candidates) {
    const judgement = judgeAddress(candidate.address, options);
    if (!judgement) throw new TargetError("dns_failed", `The resolver returned an invalid address for ${host}.`);
    if (!judgement.allowed) {
      throw new TargetError("target_forbidden", refusalMessage(judgement, parsed.kind === "name" ? parsed.name : undefined));
    }
    if (!addresses.some((known) => known.address === judgement.address)) {
      addresses.push({ address: judgement.address, family: judgement.family });
    }
  }
  const address = addresses.find((candidate) => candidate.family === 4) ?? addresses[0]!;
  return { addresses, address };
}
