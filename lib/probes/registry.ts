// Every probe kind Portcheck can run, by the name stored in results.probe: its transport, the verdict
// states it can produce and the probe function. A new kind is one file plus one entry here.
import { z } from "zod";
import { MAX_PAYLOAD_BYTES, VERIFY_TOKEN_PATTERN } from "./option-limits";
import { tcpProbe } from "./tcp";
import type { Probe, ProbeKind, ProbeRunner } from "./types";
import { udpProbe } from "./udp";
import type { VerdictState } from "./verdict-states";

export interface ProbeDefinition {
  transport: "tcp" | "udp";
  /** The states this probe can report; the pages and the docs list exactly these. */
  states: readonly VerdictState[];
  /** The options it understands on top of timeoutMs and signal; anything else is a caller's mistake. */
  options: z.ZodType;
  run: Probe;
}

const text = z.string().max(MAX_PAYLOAD_BYTES);
const token = z.string().regex(VERIFY_TOKEN_PATTERN);

export const probes: Record<ProbeKind, ProbeDefinition> = {
  tcp: {
    transport: "tcp",
    states: ["open", "closed", "filtered", "error"],
    options: z
      .object({ tls: z.enum(["auto", "on", "off"]), banner: z.boolean(), send: text, expectReply: text, verifyToken: token })
      .partial()
      .strict(),
    run: tcpProbe,
  },
  udp: {
    transport: "udp",
    states: ["open", "closed", "filtered", "open|filtered", "error"],
    options: z.object({ verifyToken: token }).partial().strict(),
    run: udpProbe,
  },
};

/** Runs a probe on the calling thread: tests, and anything that does not mind its event loop's lag. */
export const runInProcess: ProbeRunner = (kind, target, options) => probes[kind].run(target, options);
