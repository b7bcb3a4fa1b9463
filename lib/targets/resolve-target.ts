// Resolve once, judge every address, connect only to a validated one: the defence against DNS rebinding.
import { lookup } from "node:dns/promises";
import { TargetError } from "./errors";
import { parseHost } from "./parse-host";
import { type Family, judgeAddress, refusalMessage, type TargetRules } from "./policy";

export interface ResolvedAddress {
  address: string;
  family: Family;
}

/** Looks a name up and returns every address it has. Injected so tests control DNS. */
export type Resolver = (name: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (name) => {
  // The trailing dot makes the name absolute: no resolv.conf search domains (db.prod.corp.example...).
  const answers = await lookup(`${name}.`, { all: true, verbatim: true });
  return answers.map(({ address, family }) => ({ address, family: family === 6 ? 6 : 4 }));
};

export interface ResolvedTarget {
  /** Every address the host resolved to, each one allowed by the policy. */
  addresses: ResolvedAddress[];
  /** The address to probe: the first IPv4 address, else the first IPv6 one. */
  address: ResolvedAddress;
}

const PERMANENT_DNS_CODES = new Set(["ENOTFOUND", "ENODATA", "EAI_NONAME", "EAI_NODATA", "NXDOMAIN", "ENONAME"]);

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
      throw new TargetError("dns_failed", `${parsed.name} could not be resolved${code ? ` (${code})` : ""}.`, transient);
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
