// The probe interface: a pure function from (validated address, port, options) to a verdict.
// A new kind of probe (TLS, banner, UDP) is one file implementing Probe plus one line in registry.ts.
import type { Family } from "../targets/policy";

export type VerdictState = "open" | "closed" | "filtered" | "unreachable" | "error";

export interface ProbeTarget {
  /** An IP literal that the target policy has already allowed. Probes never resolve names. */
  address: string;
  family: Family;
  port: number;
  /** The name the user asked for, for probes that need it (TLS SNI, HTTP Host). */
  hostname?: string;
}

export interface ProbeOptions {
  /** Hard deadline from the start of the attempt, in milliseconds. */
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface Verdict {
  state: VerdictState;
  /** Handshake time for open and closed, in milliseconds; null when nothing answered. */
  latencyMs: number | null;
  /** The system error code behind unreachable and error verdicts. */
  errorCode: string | null;
  /** Probe-specific facts (certificate, banner...). */
  detail?: Record<string, unknown>;
}

export type Probe = (target: ProbeTarget, options: ProbeOptions) => Promise<Verdict>;
