// Everything Portcheck knows about one port: its IANA range, its registered services, and notes.
// Server-side (the IANA table is large); GET /api/v1/ports/{port} and /ports/{port} share it.
import { type NoteKind, type NoteProtocol, notesFor } from "./notes";
import { type PortRange, portRange } from "./ranges";
import { ianaService, type ServiceInfo } from "./services";
import { checkProtocolFor } from "./udp-first";

export interface PortKnowledge {
  port: number;
  range: Pick<PortRange, "name" | "from" | "to" | "meaning">;
  services: { tcp: ServiceInfo | null; udp: ServiceInfo | null };
  notes: { kind: NoteKind; protocol: NoteProtocol; title: string; text: string; source: string }[];
  /** The protocol a check of this port should use: UDP for services that speak it (WireGuard, Bedrock...). */
  checkProtocol: "tcp" | "udp";
}

export function portKnowledge(port: number): PortKnowledge {
  const { name, from, to, meaning } = portRange(port);
  return {
    port,
    range: { name, from, to, meaning },
    services: { tcp: ianaService(port, "tcp"), udp: ianaService(port, "udp") },
    notes: notesFor(port).map(({ kind, protocol, title, text, source }) => ({ kind, protocol, title, text, source })),
    checkProtocol: checkProtocolFor(port),
  };
}
