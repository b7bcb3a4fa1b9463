import { describe, expect, it } from "vitest";
import { parseRaknetPong, RAKNET_MAGIC, raknetUnconnectedPing } from "./raknet-ping";

const PING_TIME = 123456789n;
const GUID = Buffer.from("0011223344556677", "hex");
const STATUS = "MCPE;§bDedicated §lServer;712;1.21.20;3;10;13253860892328930865;Bedrock level;Survival;1;19132;19133;";

/** Unconnected Pong: 0x1c, the ping's time, the server GUID, the magic, a 2-byte length, the status string. */
function pong(status: string, time = PING_TIME, magic = RAKNET_MAGIC): Buffer {
  const head = Buffer.alloc(17);
  head[0] = 0x1c;
  head.writeBigInt64BE(time, 1);
  head.writeBigUInt64BE(0xb7d5a3c1e9f01234n, 9);
  const text = Buffer.from(status, "utf8");
  const length = Buffer.alloc(2);
  length.writeUInt16BE(text.length);
  return Buffer.concat([head, magic, length, text]);
}

describe("raknetUnconnectedPing", () => {
  it("is 33 bytes: 0x01, the time, the offline magic, our GUID", () => {
    const ping = raknetUnconnectedPing(PING_TIME, GUID);
    expect(ping.toString("hex")).toBe("01" + "00000000075bcd15" + "00ffff00fefefefefdfdfdfd12345678" + "0011223344556677");
  });
});

describe("parseRaknetPong", () => {
  it("reads a Bedrock server's status", () => {
    const game = { version: "1.21.20", protocol: 712, playersOnline: 3, playersMax: 10, motd: "Dedicated Server", map: "Bedrock level" };
    expect(parseRaknetPong(pong(STATUS), PING_TIME)).toEqual({
      service: "minecraft-bedrock",
      product: "Minecraft Bedrock",
      version: "1.21.20",
      text: "Dedicated Server\nMap: Bedrock level\nPlayers: 3/10",
      game,
    });
  });

  it("names Education Edition and tolerates a short status", () => {
    expect(parseRaknetPong(pong("MCEE;Class;589;1.20.13;0;40"))).toMatchObject({ product: "Minecraft Education", game: { playersMax: 40 } });
    expect(parseRaknetPong(pong("MCPE;Hi"))?.game).toEqual({ version: null, protocol: null, playersOnline: null, playersMax: null, motd: "Hi" });
  });

  it("calls a RakNet server that is not Minecraft raknet", () => {
    expect(parseRaknetPong(pong("SomeGame;v2\x1b"))).toEqual({ service: "raknet", product: null, version: null, text: "SomeGame;v2\\x1B" });
  });

  it("ignores a pong with another time or without the magic", () => {
    expect(parseRaknetPong(pong(STATUS, 1n), PING_TIME)).toBeNull();
    expect(parseRaknetPong(pong(STATUS, PING_TIME, Buffer.alloc(16)), PING_TIME)).toBeNull();
  });

  it("reads what there is of a cut pong and never throws", () => {
    const whole = pong(STATUS);
    for (let end = 0; end < 35; end++) expect(parseRaknetPong(whole.subarray(0, end), PING_TIME)).toBeNull();
    for (let end = 35; end <= whole.length; end++) expect(() => parseRaknetPong(whole.subarray(0, end), PING_TIME)).not.toThrow();
    const throughMotd = 35 + Buffer.byteLength("MCPE;§bDedicated §lServer;");
    expect(parseRaknetPong(whole.subarray(0, throughMotd), PING_TIME)?.game).toMatchObject({ motd: "Dedicated Server", version: null });
  });
});
