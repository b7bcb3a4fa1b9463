// QUIC: a packet with a reserved ("greased") version that no server speaks, so any QUIC server
// answers with Version Negotiation, listing the versions it does speak. RFC 9000 has servers drop
// Initial datagrams under 1200 bytes, so the probe is padded to exactly 1200; the reply is smaller.
import type { Banner } from "./banner";

export const QUIC_PROBE_SIZE = 1200;
const LONG_HEADER_INITIAL = 0xc0; // long form, fixed bit, type Initial

/** Versions of the form 0x?a?a?a?a are reserved by RFC 9000 §15 never to be used by anyone. */
export function isReservedQuicVersion(version: number): boolean {
  return ((version >>> 0) & 0x0f0f0f0f) === 0x0a0a0a0a;
}

/** A reserved version made from any four bytes: their high nibbles, each low nibble set to 0xa. */
export function greaseQuicVersion(random: Buffer): number {
  return ((random.readUInt32BE(0) & 0xf0f0f0f0) | 0x0a0a0a0a) >>> 0;
}

/** Long header, the given reserved version, our 8-byte connection id as DCID, no SCID, zeros to 1200 bytes. */
export function quicVersionProbe(version: number, dcid: Buffer): Buffer {
  if (!isReservedQuicVersion(version)) throw new RangeError("QUIC probe version must be a reserved 0x?a?a?a?a version");
  if (dcid.length < 8 || dcid.length > 20) throw new RangeError("QUIC DCID must be 8 to 20 bytes");
  const packet = Buffer.alloc(QUIC_PROBE_SIZE);
  packet[0] = LONG_HEADER_INITIAL;
  packet.writeUInt32BE(version >>> 0, 1);
  packet[5] = dcid.length;
  dcid.copy(packet, 6);
  return packet;
}

/** A banner for a Version Negotiation packet answering the probe with this DCID; null otherwise. */
export function parseVersionNegotiation(reply: Buffer, dcid: Buffer): Banner | null {
  if (reply.length < 7 || (reply[0]! & 0x80) === 0 || reply.readUInt32BE(1) !== 0) return null;
  const dcidLength = reply[5]!;
  const scidStart = 6 + dcidLength;
  if (scidStart >= reply.length) return null;
  const scidLength = reply[scidStart]!;
  const listStart = scidStart + 1 + scidLength;
  // The server sends our DCID back as its SCID: that ties the reply to this probe.
  if (listStart > reply.length || !reply.subarray(scidStart + 1, listStart).equals(dcid)) return null;
  const versions: number[] = [];
  for (let offset = listStart; offset + 4 <= reply.length && versions.length < 64; offset += 4) versions.push(reply.readUInt32BE(offset));
  if (versions.length === 0) return null;
  return {
    service: "quic",
    product: null,
    version: null,
    text: `QUIC versions: ${versions.map(describeVersion).join(", ")}`,
  };
}

function describeVersion(version: number): string {
  const hex = `0x${version.toString(16).padStart(8, "0")}`;
  const name = versionName(version);
  return name ? `${hex} (${name})` : hex;
}

function versionName(version: number): string | null {
  if (version === 0x00000001) return "v1";
  if (version === 0x6b3343cf) return "v2";
  if (isReservedQuicVersion(version)) return "reserved";
  if (version >>> 8 === 0xff0000) return `draft-${version & 0xff}`;
  if (version >>> 4 === 0xfaceb00) return "mvfst";
  // Google QUIC spells its versions in ASCII: "Q050", "T051".
  const ascii = Buffer.alloc(4);
  ascii.writeUInt32BE(version);
  const text = ascii.toString("latin1");
  if (/^[QT]\d{3}$/.test(text)) return `Google ${text}`;
  return null;
}
