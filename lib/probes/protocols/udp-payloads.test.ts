import { describe, expect, it } from "vitest";
import { udpPayloadFor } from "./udp-payloads";

/** Predictable "random" bytes: 01 02 03 ..., continuing across calls. */
function counting(): (size: number) => Buffer {
  let next = 1;
  return (size) => Buffer.from(Array.from({ length: size }, () => next++ & 0xff));
}

describe("udpPayloadFor", () => {
  it("sends DNS a 17-byte . A query with a random id, and checks the id of the reply", () => {
    const payload = udpPayloadFor(53, counting());
    expect(payload.parse(Buffer.from("01028080000100000000000000000100 01".replace(" ", ""), "hex"))).toBeNull(); // before build
    const query = payload.build();
    expect(payload.name).toBe("dns");
    expect(query).toHaveLength(17);
    expect(query.readUInt16BE(0)).toBe(0x0102);
    expect(query.readUInt16BE(13)).toBe(1);
    const reply = Buffer.concat([Buffer.from("0102", "hex"), Buffer.from("8005000100000000000000000100 01".replace(" ", ""), "hex")]);
    expect(payload.parse(reply)?.text).toBe("REFUSED");
    reply[0] = 9;
    expect(payload.parse(reply)).toBeNull();
  });

  it("sends NTP a 48-byte mode-3 request and accepts the reply that echoes it", () => {
    const payload = udpPayloadFor(123, counting());
    const request = payload.build();
    expect(request).toHaveLength(48);
    expect(request[0]).toBe(0x23);
    const reply = Buffer.alloc(48);
    reply[0] = 0x24;
    reply[1] = 2;
    request.copy(reply, 24, 40, 48);
    expect(payload.parse(reply)).toMatchObject({ service: "ntp", version: "4", text: "stratum 2" });
  });

  it("sends QUIC a 1200-byte probe with a reserved version and matches the Version Negotiation", () => {
    const payload = udpPayloadFor(443, counting());
    const probe = payload.build();
    expect(probe).toHaveLength(1200);
    expect(probe.readUInt32BE(1) & 0x0f0f0f0f).toBe(0x0a0a0a0a);
    const dcid = probe.subarray(6, 14);
    const reply = Buffer.concat([Buffer.from([0x80, 0, 0, 0, 0, 0, 8]), dcid, Buffer.from("00000001", "hex")]);
    expect(payload.parse(reply)?.text).toBe("QUIC versions: 0x00000001 (v1)");
  });

  it("sends STUN a Binding Request and matches the response's transaction id", () => {
    const payload = udpPayloadFor(3478, counting());
    const request = payload.build();
    expect(request).toHaveLength(20);
    const reply = Buffer.from(request);
    reply.writeUInt16BE(0x0101, 0);
    expect(payload.parse(reply)).toMatchObject({ service: "stun", stun: { mappedAddress: null } });
  });

  it.each([19132, 19133])("sends Bedrock on %d an Unconnected Ping and matches the pong's time", (port) => {
    const payload = udpPayloadFor(port, counting());
    const ping = payload.build();
    expect(ping).toHaveLength(33);
    expect(ping[0]).toBe(0x01);
    const status = Buffer.from("MCPE;Hi;712;1.21.20;0;10;1;World;Survival;");
    const length = Buffer.from([0, status.length]);
    const pong = Buffer.concat([Buffer.from([0x1c]), ping.subarray(1, 9), Buffer.alloc(8), ping.subarray(9, 25), length, status]);
    expect(payload.parse(pong)).toMatchObject({ service: "minecraft-bedrock", version: "1.21.20" });
    pong[8]! ^= 1;
    expect(payload.parse(pong)).toBeNull();
  });

  it("sends A2S_INFO, and resends it with the challenge once", () => {
    const payload = udpPayloadFor(27015);
    expect(payload.build()).toHaveLength(25);
    const challenge = Buffer.from("ffffffff4101020304", "hex");
    expect(payload.parse(challenge)).toBeNull();
    expect(payload.followUp?.(challenge)?.subarray(25).toString("hex")).toBe("01020304");
    expect(payload.followUp?.(challenge)).toBeNull();
  });

  it("sends an empty datagram elsewhere and calls any reply unknown", () => {
    const payload = udpPayloadFor(5000);
    expect(payload.name).toBe("empty");
    expect(payload.build()).toHaveLength(0);
    expect(payload.parse(Buffer.from("hi\x1b"))).toEqual({ service: "unknown", product: null, version: null, text: "hi\\x1B" });
    expect(payload.parse(Buffer.alloc(0))).toEqual({ service: "unknown", product: null, version: null, text: "" });
    expect(payload.followUp).toBeUndefined();
  });

  it("never sends anything that amplifies", () => {
    for (const port of [53, 123, 443, 3478, 19132, 19133, 27015, 1900, 11211, 5000]) {
      const request = udpPayloadFor(port).build();
      expect(request.length, `port ${port}`).toBeLessThanOrEqual(port === 443 ? 1200 : 64);
    }
    const dns = udpPayloadFor(53).build();
    expect(dns.readUInt16BE(13)).not.toBe(255); // ANY
    expect(dns.readUInt16BE(10)).toBe(0); // no additional records: no EDNS buffer size
    const ntp = udpPayloadFor(123).build();
    expect(ntp[0]! & 0x07).toBe(3); // never mode 6 or 7 (monlist)
  });

  it("picks new ids for every probe by default", () => {
    expect(udpPayloadFor(53).build().equals(udpPayloadFor(53).build())).toBe(false);
    expect(udpPayloadFor(3478).build().equals(udpPayloadFor(3478).build())).toBe(false);
  });
});
