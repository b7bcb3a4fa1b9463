import { describe, expect, it } from "vitest";
import { dnsQuery, parseDnsReply } from "./dns-query";

/** A response header (and the echoed question) with the given flags and answer count. */
function dnsReply(id: number, flags: number, answers = 0): Buffer {
  const reply = Buffer.concat([Buffer.alloc(12), Buffer.from("0000010001", "hex")]);
  reply.writeUInt16BE(id, 0);
  reply.writeUInt16BE(flags, 2);
  reply.writeUInt16BE(1, 4);
  reply.writeUInt16BE(answers, 6);
  return reply;
}

describe("dnsQuery", () => {
  it("is 17 bytes: the id, no flags (RD=0), one question for . A IN", () => {
    const query = dnsQuery(0xbeef);
    expect(query).toHaveLength(17);
    expect(query.toString("hex")).toBe("beef" + "0000" + "0001" + "0000" + "0000" + "0000" + "00" + "0001" + "0001");
    expect(query.readUInt16BE(2) & 0x0100).toBe(0); // RD
    expect(query.readUInt16BE(13)).toBe(1); // type A
    expect(query.readUInt16BE(13)).not.toBe(255); // never ANY
  });
});

describe("parseDnsReply", () => {
  it("reads the rcode and flags of a response to our id", () => {
    expect(parseDnsReply(dnsReply(0x1234, 0x8080), 0x1234)).toEqual({
      service: "dns",
      product: null,
      version: null,
      text: "NOERROR",
      dns: { rcode: "NOERROR", authoritative: false, recursionAvailable: true, answers: 0 },
    });
    expect(parseDnsReply(dnsReply(7, 0x8005), 7)?.text).toBe("REFUSED");
    expect(parseDnsReply(dnsReply(7, 0x8402, 1), 7)?.dns).toEqual({ rcode: "SERVFAIL", authoritative: true, recursionAvailable: false, answers: 1 });
    expect(parseDnsReply(dnsReply(7, 0x800c), 7)?.text).toBe("RCODE12");
  });

  it("ignores replies to other ids, queries and other opcodes", () => {
    expect(parseDnsReply(dnsReply(0x1234, 0x8080), 0x1235)).toBeNull();
    expect(parseDnsReply(dnsReply(7, 0x0000), 7)).toBeNull();
    expect(parseDnsReply(dnsReply(7, 0x8000 | (2 << 11)), 7)).toBeNull();
  });

  it("returns null for truncated or garbage replies", () => {
    const reply = dnsReply(7, 0x8080);
    for (let end = 0; end < 12; end++) expect(parseDnsReply(reply.subarray(0, end), 7)).toBeNull();
    expect(parseDnsReply(Buffer.from("not a dns reply at all"), 7)).toBeNull();
  });
});
