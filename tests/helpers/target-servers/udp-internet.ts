// Infrastructure UDP services, written from their RFCs: DNS (RFC 1035), NTP (RFC 5905), STUN (RFC 8489).
import { isIPv4 } from "node:net";
import type { UdpServer } from "./types";

/** Any question gets NOERROR, the question echoed, and for A (or ANY class) one A record with `spec.address`. */
export const dns: UdpServer = (context) => {
  const address = context.spec.address ?? "10.77.0.1";
  if (!isIPv4(address)) throw new Error(`udp-dns: not an IPv4 address: ${address}`);
  const addressBytes = Buffer.from(address.split(".").map(Number));
  return (message) => {
    if (message.length < 12) return undefined;
    const flags = message.readUInt16BE(2);
    // Never answer a response: two responders would ping-pong forever.
    if (flags & 0x8000) return undefined;
    const opcode = (flags >> 11) & 0xf;
    let end = 12;
    let malformed = message.readUInt16BE(4) !== 1;
    while (!malformed) {
      const length = message[end];
      // Compression pointers (0xc0) cannot appear in a lone question, so they mean garbage here.
      if (length === undefined || length & 0xc0) malformed = true;
      else if (length === 0) break;
      else end += 1 + length;
    }
    end += 1;
    if (end + 4 > message.length) malformed = true;
    const rcode = opcode !== 0 ? 4 /* NOTIMP */ : malformed ? 1 /* FORMERR */ : 0;
    const header = Buffer.alloc(12);
    header.writeUInt16BE(message.readUInt16BE(0), 0);
    // QR, the request's opcode and RD, AA and RA set.
    header.writeUInt16BE(0x8000 | (opcode << 11) | 0x0400 | (flags & 0x0100) | 0x0080 | rcode, 2);
    if (rcode) return header;
    const question = message.subarray(12, end + 4);
    const type = message.readUInt16BE(end);
    const klass = message.readUInt16BE(end + 2);
    header.writeUInt16BE(1, 4);
    if (type !== 1 || (klass !== 1 && klass !== 255)) return Buffer.concat([header, question]);
    header.writeUInt16BE(1, 6);
    const answer = Buffer.alloc(16);
    answer.writeUInt16BE(0xc00c, 0); // the name: a pointer to the question's
    answer.writeUInt16BE(1, 2); // A
    answer.writeUInt16BE(1, 4); // IN
    answer.writeUInt32BE(300, 6);
    answer.writeUInt16BE(4, 10);
    addressBytes.copy(answer, 12);
    return Buffer.concat([header, question, answer]);
  };
};

const NTP_UNIX_OFFSET = 2_208_988_800;

function writeNtpTime(buffer: Buffer, offset: number, ms: number): void {
  buffer.writeUInt32BE((Math.floor(ms / 1000) + NTP_UNIX_OFFSET) >>> 0, offset);
  buffer.writeUInt32BE(Math.floor(((ms % 1000) / 1000) * 2 ** 32), offset + 4);
}

/** A stratum 2 server: a client (mode 3) request gets a 48-byte server (mode 4) reply with its transmit time as origin. */
export const ntp: UdpServer = () => (message) => {
  if (message.length < 48 || (message[0]! & 0x07) !== 3) return undefined;
  const version = (message[0]! >> 3) & 0x07 || 4;
  const now = Date.now();
  const reply = Buffer.alloc(48);
  reply.writeUInt8((0 << 6) | (version << 3) | 4, 0); // LI 0: no leap second pending
  reply.writeUInt8(2, 1);
  reply.writeUInt8(message[2]!, 2);
  reply.writeInt8(-20, 3); // precision: about a microsecond
  reply.writeUInt32BE(0x0000_0300, 4); // root delay, 16.16 seconds
  reply.writeUInt32BE(0x0000_0400, 8); // root dispersion
  Buffer.from([10, 77, 0, 123]).copy(reply, 12); // reference id: the upstream server's IPv4 address at stratum 2
  writeNtpTime(reply, 16, now - 64_000);
  message.copy(reply, 24, 40, 48);
  writeNtpTime(reply, 32, now);
  writeNtpTime(reply, 40, now);
  return reply;
};

const STUN_MAGIC = 0x2112a442;
export const STUN_SOFTWARE = "portcheck-test-stun";

/** 4 or 16 network-order bytes of an IP literal. */
export function ipBytes(address: string): Buffer {
  if (isIPv4(address)) return Buffer.from(address.split(".").map(Number));
  let text = address.replace(/%.*$/, "");
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text)?.[1];
  if (v4) {
    const [a, b, c, d] = v4.split(".").map(Number) as [number, number, number, number];
    text = text.slice(0, -v4.length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right];
  const bytes = Buffer.alloc(16);
  groups.forEach((group, index) => bytes.writeUInt16BE(parseInt(group, 16), index * 2));
  return bytes;
}

function attribute(type: number, value: Buffer): Buffer {
  const header = Buffer.alloc(4);
  header.writeUInt16BE(type, 0);
  header.writeUInt16BE(value.length, 2);
  return Buffer.concat([header, value, Buffer.alloc((4 - (value.length % 4)) % 4)]);
}

/** A Binding Request gets a Binding Success Response with XOR-MAPPED-ADDRESS (the sender as seen here) and SOFTWARE. */
export const stun: UdpServer = () => (message, remote) => {
  if (message.length < 20 || message.readUInt16BE(0) !== 0x0001 || message.readUInt32BE(4) !== STUN_MAGIC) return undefined;
  if (message.readUInt16BE(2) !== message.length - 20) return undefined;
  const transaction = message.subarray(8, 20);
  const address = ipBytes(remote.address);
  // X-Address is XORed with the magic cookie, followed for IPv6 by the transaction id.
  const mask = Buffer.concat([message.subarray(4, 8), transaction]);
  const mapped = Buffer.alloc(4 + address.length);
  mapped.writeUInt8(address.length === 4 ? 0x01 : 0x02, 1);
  mapped.writeUInt16BE(remote.port ^ (STUN_MAGIC >>> 16), 2);
  address.forEach((byte, index) => mapped.writeUInt8(byte ^ mask[index]!, 4 + index));
  const attributes = Buffer.concat([attribute(0x0020, mapped), attribute(0x8022, Buffer.from(STUN_SOFTWARE, "utf8"))]);
  const header = Buffer.alloc(20);
  header.writeUInt16BE(0x0101, 0);
  header.writeUInt16BE(attributes.length, 2);
  message.copy(header, 4, 4, 20);
  return Buffer.concat([header, attributes]);
};
