// Looks names up through the resolvers the operator names (DNS_SERVERS, else the system's), asking for
// A and AAAA side by side, within one deadline (DNS_TIMEOUT_MS): a name whose DNS never answers must not
// hold a worker slot. /etc/hosts and search domains are never used: only DNS, and absolute names.
import { Resolver as DnsResolver } from "node:dns/promises";
import type { Family } from "./policy";

export interface ResolvedAddress {
  address: string;
  family: Family;
}

/** Looks a name up and returns every address it has. Injected so tests control DNS. */
export type Resolver = (name: string) => Promise<ResolvedAddress[]>;

export interface ResolverOptions {
  /** "ip" or "ip:port" ("[v6]:port"); null or empty: the system's resolvers. */
  servers?: readonly string[] | null;
  timeoutMs: number;
}

/** Answers that say the name has no such record, as opposed to a failure worth retrying. */
const NO_RECORD = new Set(["ENOTFOUND", "ENODATA", "NXDOMAIN", "ENONAME"]);

export function createResolver({ servers, timeoutMs }: ResolverOptions): Resolver {
  return async (name) => {
    // One channel per lookup, so cancelling at the deadline cancels only this lookup.
    const resolver = new DnsResolver({ timeout: timeoutMs, tries: 1 });
    if (servers?.length) resolver.setServers([...servers]);
    const absolute = name.endsWith(".") ? name : `${name}.`;
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        resolver.cancel();
        reject(Object.assign(new Error(`DNS lookup of ${name} timed out`), { code: "ETIMEOUT" }));
      }, timeoutMs);
    });
    try {
      const [v4, v6] = await Promise.race([
        Promise.allSettled([resolver.resolve4(absolute), resolver.resolve6(absolute)]),
        deadline,
      ]);
      const addresses: ResolvedAddress[] = [
        ...(v4.status === "fulfilled" ? v4.value.map((address) => ({ address, family: 4 as const })) : []),
        ...(v6.status === "fulfilled" ? v6.value.map((address) => ({ address, family: 6 as const })) : []),
      ];
      if (addresses.length > 0) return addresses;
      // Neither family answered: permanent only if both said "no such record".
      const errors = [v4, v6].map((outcome) => (outcome.status === "rejected" ? (outcome.reason as NodeJS.ErrnoException) : null));
      const failure = errors.find((error) => error && !NO_RECORD.has(error.code ?? "")) ?? errors.find(Boolean);
      if (failure) throw failure;
      throw Object.assign(new Error(`${name} has no address`), { code: "ENODATA" });
    } finally {
      clearTimeout(timer);
    }
  };
}
