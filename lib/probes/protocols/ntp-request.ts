// NTP: a plain mode-3 client request, as any clock-setting client sends. Only mode 3 is ever sent:
// never mode 6 (control) or mode 7 (private, home of "monlist"), the amplification vectors.
import type { Banner } from "./banner";

const CLIENT_MODE_V4 = 0x23; // LI 0, VN 4, mode 3
const MODE_SERVER = 4;

/**
 * 48 bytes, everything zero but the first byte and the transmit timestamp. transmit is 8 random
 * bytes: the server copies them into its reply's origin timestamp, which proves the reply is ours.
 */
export function ntpRequest(transmit: Buffer): Buffer {
  if (transmit.length !== 8) throw new RangeError("NTP transmit timestamp must be 8 bytes");
  const request = Buffer.alloc(48);
  request[0] = CLIENT_MODE_V4;
  transmit.copy(request, 40);
  return request;
}

export function parseNtpReply(reply: Buffer, transmit: Buffer): Banner | null {
  if (reply.length < 48) return null;
  const first = reply[0]!;
  const version = (first >> 3) & 0x07;
  if ((first & 0x07) !== MODE_SERVER || version < 1) return null;
  if (!reply.subarray(24, 32).equals(transmit)) return null;
  return { service: "ntp", product: null, version: String(version), text: stratumText(reply) };
}

function stratumText(reply: Buffer): string {
  const stratum = reply[1]!;
  const unsynchronised = leapIndicator(reply) === 3 || stratum === 16;
  // For stratum 0 and 1 the reference id is four ASCII letters: a kiss code (RATE, DENY) or a clock (GPS, PPS).
  const referenceId = reply.toString("latin1", 12, 16).replace(/\0+$/, "");
  const label = /^[A-Z0-9]{1,4}$/i.test(referenceId) ? referenceId : null;
  if (stratum === 0) return label ? `kiss-o'-death ${label}` : "stratum 0 (unspecified)";
  if (unsynchronised) return `stratum ${stratum} (unsynchronised)`;
  if (stratum === 1 && label) return `stratum 1, reference ${label}`;
  return `stratum ${stratum}`;
}

/** 3 means "alarm": the server's clock is not synchronised. */
const leapIndicator = (reply: Buffer) => reply[0]! >> 6;
