// The fake target host's UDP servers (DNS, NTP, STUN, game queries, QUIC, echo, silence) as a plain
// node:dgram client sees them, byte by byte, since UDP probes only recognise exact replies.
import { createSocket } from "node:dgram";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { exchange, HOST, port, target, useTargetHost } from "./helpers/target-host-client";

useTargetHost({
  host: HOST,
  servers: [
    { kind: "udp-dns" },
    { kind: "udp-ntp" },
    { kind: "udp-stun" },
    { kind: "udp-bedrock" },
    { kind: "udp-quic" },
    { kind: "udp-a2s" },
    { kind: "udp-echo" },
    { kind: "udp-silent" },
  ],
});

describe("UDP services", () => {
  it("udp-dns: NOERROR with the question echoed and one A record", async () => {
    const name = Buffer.from("\x04host\x0eportcheck-test\x03net\x00", "latin1");
    const query = (type: number) => Buffer.concat([Buffer.from([0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]), name, Buffer.from([0, type, 0, 1])]);
    const reply = (await exchange(port("udp-dns"), query(1)))!;
    expect(reply.readUInt16BE(0)).toBe(0x1234);
    expect(reply.readUInt16BE(2) & 0x800f).toBe(0x8000); // QR, NOERROR
    expect(reply.readUInt16BE(2) & 0x0100).toBe(0x0100); // RD copied
    expect([reply.readUInt16BE(4), reply.readUInt16BE(6)]).toEqual([1, 1]);
    expect(reply.subarray(12, 12 + name.length + 4)).toEqual(query(1).subarray(12));
    const answer = reply.subarray(12 + name.length + 4);
    expect(answer.readUInt16BE(2)).toBe(1);
    expect([...answer.subarray(answer.length - 4)]).toEqual([10, 77, 0, 1]);
    const aaaa = (await exchange(port("udp-dns"), query(28)))!;
    expect([aaaa.readUInt16BE(2) & 0x000f, aaaa.readUInt16BE(6)]).toEqual([0, 0]);
    expect(await exchange(port("udp-dns"), Buffer.from("hi"), HOST, 300)).toBeNull();
  });

  it("udp-ntp: a mode 4, stratum 2 reply echoing the client's transmit time", async () => {
    const request = Buffer.alloc(48);
    request[0] = (4 << 3) | 3;
    const transmit = Buffer.from("e3c1a2b3c4d5e6f7", "hex");
    transmit.copy(request, 40);
    const reply = (await exchange(port("udp-ntp"), request))!;
    expect(reply.length).toBe(48);
    expect(reply[0]! & 0x07).toBe(4);
    expect((reply[0]! >> 3) & 0x07).toBe(4);
    expect(reply[1]).toBe(2);
    expect(reply.subarray(24, 32)).toEqual(transmit);
    const serverSeconds = reply.readUInt32BE(40) - 2_208_988_800;
    expect(Math.abs(serverSeconds - Date.now() / 1000)).toBeLessThan(5);
  });

  it("udp-stun: Binding Success with the same transaction id, XOR-MAPPED-ADDRESS of the sender and SOFTWARE", async () => {
    const socket = createSocket("udp4");
    await new Promise<void>((resolve) => socket.bind(0, "127.0.0.1", resolve));
    const request = Buffer.alloc(20);
    request.writeUInt16BE(0x0001, 0);
    request.writeUInt32BE(0x2112a442, 4);
    Buffer.from("0102030405060708090a0b0c", "hex").copy(request, 8);
    const replied = once(socket, "message") as Promise<[Buffer]>;
    socket.send(request, port("udp-stun"), HOST);
    const [reply] = await replied;
    const localPort = socket.address().port;
    socket.close();
    expect(reply.readUInt16BE(0)).toBe(0x0101);
    expect(reply.readUInt16BE(2)).toBe(reply.length - 20);
    expect(reply.subarray(4, 20)).toEqual(request.subarray(4, 20));
    const attributes = new Map<number, Buffer>();
    for (let offset = 20; offset < reply.length; ) {
      const length = reply.readUInt16BE(offset + 2);
      attributes.set(reply.readUInt16BE(offset), reply.subarray(offset + 4, offset + 4 + length));
      offset += 4 + Math.ceil(length / 4) * 4;
    }
    const mapped = attributes.get(0x0020)!;
    expect(mapped[1]).toBe(0x01);
    expect(mapped.readUInt16BE(2) ^ 0x2112).toBe(localPort);
    expect((mapped.readUInt32BE(4) ^ 0x2112a442) >>> 0).toBe(0x7f000001);
    expect(attributes.get(0x8022)!.toString()).toBe("portcheck-test-stun");
  });

  it("udp-bedrock: Unconnected Pong with the client's time, the magic and the MOTD", async () => {
    const magic = Buffer.from("00ffff00fefefefefdfdfdfd12345678", "hex");
    const ping = Buffer.concat([Buffer.from([0x01]), Buffer.from("0000000000abcdef", "hex"), magic, Buffer.alloc(8, 7)]);
    const pong = (await exchange(port("udp-bedrock"), ping))!;
    expect(pong[0]).toBe(0x1c);
    expect(pong.subarray(1, 9)).toEqual(ping.subarray(1, 9));
    expect(pong.subarray(17, 33)).toEqual(magic);
    expect(pong.toString("utf8", 35, 35 + pong.readUInt16BE(33))).toBe("MCPE;Portcheck Bedrock;766;1.21.50;2;10;1234567890;Sub;Survival;1;19132;19133;");
  });

  it("udp-quic: Version Negotiation for an unknown version, ids swapped; nothing for short datagrams", async () => {
    const dcid = Buffer.from("1122334455667788", "hex");
    const scid = Buffer.from("aabbccddee", "hex");
    const packet = Buffer.alloc(1200);
    Buffer.concat([Buffer.from([0xc3, 0x1a, 0x2a, 0x3a, 0x4a, dcid.length]), dcid, Buffer.from([scid.length]), scid]).copy(packet);
    const reply = (await exchange(port("udp-quic"), packet))!;
    expect(reply[0]! & 0x80).toBe(0x80);
    expect(reply.readUInt32BE(1)).toBe(0);
    expect(reply[5]).toBe(scid.length);
    expect(reply.subarray(6, 6 + scid.length)).toEqual(scid);
    expect(reply[6 + scid.length]).toBe(dcid.length);
    const versionsAt = 7 + scid.length + dcid.length;
    expect(reply.subarray(7 + scid.length, versionsAt)).toEqual(dcid);
    expect([reply.readUInt32BE(versionsAt), reply.readUInt32BE(versionsAt + 4)]).toEqual([0x00000001, 0x6b3343cf]);
    expect(reply.length).toBe(versionsAt + 8);
    expect(await exchange(port("udp-quic"), packet.subarray(0, 100), HOST, 300)).toBeNull();
  });

  it("udp-a2s: S2C_CHALLENGE first, then the A2S_INFO response for the echoed challenge", async () => {
    const query = Buffer.from("\xff\xff\xff\xffTSource Engine Query\x00", "latin1");
    const challenge = (await exchange(port("udp-a2s"), query))!;
    expect(challenge.subarray(0, 5)).toEqual(Buffer.from([0xff, 0xff, 0xff, 0xff, 0x41]));
    expect(challenge.length).toBe(9);
    const info = (await exchange(port("udp-a2s"), Buffer.concat([query, challenge.subarray(5)])))!;
    expect(info.subarray(0, 6)).toEqual(Buffer.from([0xff, 0xff, 0xff, 0xff, 0x49, 17]));
    let offset = 6;
    const strings: string[] = [];
    for (let index = 0; index < 4; index++) {
      const end = info.indexOf(0, offset);
      strings.push(info.toString("utf8", offset, end));
      offset = end + 1;
    }
    expect(strings).toEqual(["Portcheck CS", "de_dust2", "csgo", "Counter-Strike 2"]);
    expect(info.readUInt16LE(offset)).toBe(730);
    expect([info[offset + 2], info[offset + 3]]).toEqual([5, 32]);
    const wrong = (await exchange(port("udp-a2s"), Buffer.concat([query, Buffer.from([1, 2, 3, 4])])))!;
    expect(wrong[4]).toBe(0x41);
  });

  it("udp-echo echoes, answers an empty datagram with pong; udp-silent never answers", async () => {
    expect((await exchange(port("udp-echo"), Buffer.from("hello")))!.toString()).toBe("hello");
    expect((await exchange(port("udp-echo"), Buffer.alloc(0)))!.toString()).toBe("pong");
    expect(await exchange(port("udp-silent"), Buffer.from("hello"), HOST, 500)).toBeNull();
    expect(await target.waitForEvent((e) => e.event === "datagram" && e.server === "udp-silent")).toMatchObject({ size: 5, localAddress: HOST });
  });
});
