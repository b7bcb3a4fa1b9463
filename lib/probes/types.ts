// The probe interface: a pure function from (validated address, port, options) to a verdict.
// A new kind of probe is one file implementing Probe plus one entry in registry.ts.
import type { Family } from "../targets/policy";
import type { Banner } from "./protocols/banner";
import type { Reason, VerdictState } from "./verdict-states";

export type { Reason, VerdictState } from "./verdict-states";
export type { Banner, GameInfo } from "./protocols/banner";

export type ProbeKind = "tcp" | "udp";
export type TlsMode = "auto" | "on" | "off";

export interface ProbeTarget {
  /** An IP literal that the target policy has already allowed. Probes never resolve names. */
  address: string;
  family: Family;
  port: number;
  /** The name the user asked for: TLS SNI, HTTP Host, the XMPP stream's "to". Absent for IP literals. */
  hostname?: string;
}

/** What the caller of a probe may ask, on top of its deadline. Every field is optional. */
export interface ProbeOptions {
  /** Hard deadline of the connect (TCP) or of the wait for a reply (UDP), in milliseconds. */
  timeoutMs: number;
  signal?: AbortSignal;
  /** TCP: TLS after the handshake (auto: by port). */
  tls?: TlsMode;
  /** TCP: read what answered (greeting, or a polite request where the client speaks first). */
  banner?: boolean;
  /** TCP: a payload to send after connecting (monitors), already unescaped, at most 256 bytes. */
  send?: string;
  /** TCP: a text the reply must contain (monitors). */
  expectReply?: string;
  /** An ownership token to look for in what the port says. */
  verifyToken?: string;
  /** Starts before the probes of large jobs (small jobs: a few ports, a monitor run). */
  urgent?: boolean;
}

export interface TlsInfo {
  version: string | null;
  cipher: string | null;
  subject: string | null;
  issuer: string | null;
  san: string[];
  validFrom: string | null;
  validTo: string | null;
  daysLeft: number | null;
  trusted: boolean;
  trustError: string | null;
  hostnameMatches: boolean | null;
  /** True when TLS was reached through a plaintext upgrade (SMTP, IMAP, POP3, FTP, XMPP). */
  starttls: boolean;
  /** SHA-256 fingerprint of the leaf certificate (colon-separated hex). */
  fingerprint: string | null;
  /** Why no handshake happened or it failed; null after a good handshake. */
  error: string | null;
}

export interface Verdict {
  state: VerdictState;
  reason: Reason;
  /** Handshake time (TCP) or reply time (UDP), in milliseconds; null when nothing answered. */
  latencyMs: number | null;
  /** The system error code behind the verdict, when there is one. */
  errorCode: string | null;
  tls?: TlsInfo | null;
  banner?: Banner | null;
  /** Whether the ownership token was read back; absent when none was asked for. */
  verified?: boolean;
  /** Whether the reply contained `expectReply`; absent when none was asked for. */
  replyMatched?: boolean;
}

export type Probe = (target: ProbeTarget, options: ProbeOptions) => Promise<Verdict>;

/** Runs one probe of a kind; in the worker it runs on the probe thread, in tests it may run in-process. */
export type ProbeRunner = (kind: ProbeKind, target: ProbeTarget, options: ProbeOptions) => Promise<Verdict>;
