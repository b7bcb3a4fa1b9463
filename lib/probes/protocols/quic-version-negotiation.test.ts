import { describe, expect, it } from "vitest";
import { greaseQuicVersion, isReservedQuicVersion, parseVersionNegotiation, QUIC_PROBE_SIZE, quicVersionProbe } from "./quic-version-negotiation";

const DCID = Buffer.from("c0ffee0123456789", "hex");

/** Version Negotiation: long-header bit, version 0, DCID = the client's (empty) SCID, SCID = the client's DCID, versions. */
function versionNegotiation(versions: number[], scid = DCID): Buffer {
  const head = Buffer.from([0x80 | 0x4b, 0, 0, 0, 0, 0, scid.length]);
  const list = Buffer.alloc(versions.length * 4);
  versions.forEach((version, i) => list.writeUInt32BE(version, i * 4));
  return Buffer.concat([head, scid, list]);
}

describe("quicVersionProbe", () => {
  it("is exactly 1200 bytes: long header, reserved version, 8-byte DCID, empty SCID, zero padding", () => {
    const probe = quicVersionProbe(0x1a2a3a4a, DCID);
    expect(probe).toHaveLength(QUIC_PROBE_SIZE);
    expect(QUIC_PROBE_SIZE).toBe(1200);
    expect(probe.subarray(0, 15).toString("hex")).toBe("c0" + "1a2a3a4a" + "08" + "c0ffee0123456789" + "00");
    expect(probe.subarray(15).every((byte) => byte === 0)).toBe(true);
  });

  it("only ever uses a reserved version", () => {
    expect(() => quicVersionProbe(0x00000001, DCID)).toThrow(RangeError);
    for (const random of ["00000000", "ffffffff", "12345678"]) {
      const version = greaseQuicVersion(Buffer.from(random, "hex"));
      expect(isReservedQuicVersion(version)).toBe(true);
    }
    expect(greaseQuicVersion(Buffer.from("ffffffff", "hex"))).toBe(0xfafafafa);
    expect(isReservedQuicVersion(0x6b3343cf)).toBe(false);
  });
});

describe("parseVersionNegotiation", () => {
  it("lists the versions the server offers", () => {
    const reply = versionNegotiation([0x00000001, 0x6b3343cf, 0xff00001d, 0x5a6a7a8a, 0x51303530, 0x12345678]);
    expect(reply.length).toBeLessThan(QUIC_PROBE_SIZE);
    expect(parseVersionNegotiation(reply, DCID)).toEqual({
      service: "quic",
      product: null,
      version: null,
      text: "QUIC versions: 0x00000001 (v1), 0x6b3343cf (v2), 0xff00001d (draft-29), 0x5a6a7a8a (reserved), 0x51303530 (Google Q050), 0x12345678",
    });
  });

  it("ignores a reply that does not echo our connection id, or is not Version Negotiation", () => {
    expect(parseVersionNegotiation(versionNegotiation([1], Buffer.alloc(8)), DCID)).toBeNull();
    const notVn = versionNegotiation([1]);
    notVn.writeUInt32BE(1, 1);
    expect(parseVersionNegotiation(notVn, DCID)).toBeNull();
    expect(parseVersionNegotiation(versionNegotiation([]), DCID)).toBeNull();
  });

  it("returns null for truncated or garbage replies", () => {
    const reply = versionNegotiation([1]);
    for (let end = 0; end < reply.length; end++) expect(parseVersionNegotiation(reply.subarray(0, end), DCID)).toBeNull();
    expect(parseVersionNegotiation(Buffer.from([0x80, 0, 0, 0, 0, 0xff]), DCID)).toBeNull();
  });
});
