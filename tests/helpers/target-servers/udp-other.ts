// The remaining UDP behaviours: a QUIC server's Version Negotiation (RFC 9000 §17.2.1, §6), an echo service, and an open port that never answers.
import { randomInt } from "node:crypto";
import type { UdpServer } from "./types";

export const QUIC_VERSIONS = [0x00000001, 0x6b3343cf];
// RFC 9000 §14.1: a server drops anything smaller that could start a connection, so probes must pad to this.
export const QUIC_MIN_DATAGRAM = 1200;

/** A long-header packet with a version this server lacks gets a Version Negotiation packet; supported versions are ignored. */
export const quic: UdpServer = () => (message) => {
  if (message.length < QUIC_MIN_DATAGRAM || message.length < 7 || !(message[0]! & 0x80)) return undefined;
  const version = message.readUInt32BE(1);
  // Version 0 is itself Version Negotiation, which must never be answered (§6.1).
  if (version === 0 || QUIC_VERSIONS.includes(version)) return undefined;
  // Connection ids of an unknown version can be up to 255 bytes (RFC 8999 §5.1).
  const dcidLength = message[5]!;
  const dcid = message.subarray(6, 6 + dcidLength);
  const scidLength = message[6 + dcidLength];
  if (scidLength === undefined || 7 + dcidLength + scidLength > message.length) return undefined;
  const scid = message.subarray(7 + dcidLength, 7 + dcidLength + scidLength);
  const versions = Buffer.alloc(4 * QUIC_VERSIONS.length);
  QUIC_VERSIONS.forEach((supported, index) => versions.writeUInt32BE(supported, index * 4));
  return Buffer.concat([
    Buffer.from([0x80 | randomInt(0x80), 0, 0, 0, 0]),
    // The client's source id becomes the destination, and the other way round.
    Buffer.from([scid.length]),
    scid,
    Buffer.from([dcid.length]),
    dcid,
    versions,
  ]);
};

export const echo: UdpServer = () => (message) => (message.length ? message : Buffer.from("pong"));

export const silent: UdpServer = () => () => undefined;
