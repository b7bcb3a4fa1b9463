// DNS over UDP: the smallest useful question, "A record of the root name, no recursion please".
// Any DNS server answers it (NOERROR, REFUSED...) with a reply capped at 512 bytes (no EDNS).
// It is never type ANY, the classic amplification query.
import type { Banner } from "./banner";

const TYPE_A = 1;
const CLASS_IN = 1;
const RCODES = ["NOERROR", "FORMERR", "SERVFAIL", "NXDOMAIN", "NOTIMP", "REFUSED", "YXDOMAIN", "YXRRSET", "NXRRSET", "NOTAUTH", "NOTZONE"];

/** 17 bytes: the header (id, flags all clear so RD=0, one question) and "." A IN. */
export function dnsQuery(id: number): Buffer {
  const query = Buffer.alloc(17);
  query.writeUInt16BE(id, 0);
  query.writeUInt16BE(1, 4);
  // Byte 12 is the root name: a single zero-length label.
  query.writeUInt16BE(TYPE_A, 13);
  query.writeUInt16BE(CLASS_IN, 15);
  return query;
}

/** A banner when the reply is a DNS response to the query with this id; null otherwise. */
export function parseDnsReply(reply: Buffer, id: number): Banner | null {
  if (reply.length < 12 || reply.readUInt16BE(0) !== id) return null;
  const flags = reply.readUInt16BE(2);
  const isResponse = (flags & 0x8000) !== 0;
  const opcode = (flags >> 11) & 0x0f;
  if (!isResponse || opcode !== 0) return null;
  const code = flags & 0x0f;
  const rcode = RCODES[code] ?? `RCODE${code}`;
  return {
    service: "dns",
    product: null,
    version: null,
    text: rcode,
    dns: {
      rcode,
      authoritative: (flags & 0x0400) !== 0,
      recursionAvailable: (flags & 0x0080) !== 0,
      answers: reply.readUInt16BE(6),
    },
  };
}
