// Every probe kind Portcheck can run, by the name stored in results.probe: its transport, the verdict
// states it can produce and the probe function. A new kind is one file plus one entry here.
import type { ProbeRunner } from "./engine";
import { tcpProbe } from "./tcp";
import type { Probe, ProbeKind } from "./types";
import { udpProbe } from "./udp";
import type { VerdictState } from "./verdict-states";

export interface ProbeDefinition {
  transport: "tcp" | "udp";
  /** The states this probe can report; the pages and the docs list exactly these. */
  states: readonly VerdictState[];
  /** Options it understands on top of timeoutMs and signal (the request schema is lib/checks/schemas.ts). */
  options: readonly ("tls" | "banner" | "send" | "expectReply" | "verifyToken")[];
  run: Probe;
}

export const probes: Record<ProbeKind, ProbeDefinition> = {
  tcp: {
    transport: "tcp",
    states: ["open", "closed", "filtered", "error"],
    options: ["tls", "banner", "send", "expectReply", "verifyToken"],
    run: tcpProbe,
  },
  udp: {
    transport: "udp",
    states: ["open", "closed", "filtered", "open|filtered", "error"],
    options: ["verifyToken"],
    run: udpProbe,
  },
};

/** Runs a probe on the calling thread: tests, and anything that does not mind its event loop's lag. */
export const runInProcess: ProbeRunner = (kind, target, options) => probes[kind].run(target, options);
