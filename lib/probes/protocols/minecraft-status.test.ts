import { describe, expect, it } from "vitest";
import { minecraftStatusRequest, parseMinecraftStatus } from "./minecraft-status";
import { decodeVarInt, encodeVarInt } from "./var-int";

/** A Status Response packet: VarInt length, packet id 0, then the JSON as a VarInt-prefixed string. */
function statusResponse(status: unknown): Buffer {
  const json = Buffer.from(typeof status === "string" ? status : JSON.stringify(status), "utf8");
  const packet = Buffer.concat([encodeVarInt(0x00), encodeVarInt(json.length), json]);
  return Buffer.concat([encodeVarInt(packet.length), packet]);
}

const PAPER_STATUS = {
  version: { name: "Paper 1.21.1", protocol: 767 },
  players: { max: 20, online: 3, sample: [{ name: "Notch", id: "069a79f4-44e9-4726-a5be-fca90e38aaf5" }] },
  description: { text: "", extra: [{ text: "§6§lMy Server", bold: true }, { text: "\n", extra: [{ text: "§7Survival §8| ", extra: ["1.21"] }] }] },
  favicon: `data:image/png;base64,${"iVBORw0KGgo".repeat(40)}`,
  enforcesSecureChat: true,
};

describe("minecraftStatusRequest", () => {
  it("is a Handshake (protocol -1, host, port, next state 1) followed by a Status Request", () => {
    const request = minecraftStatusRequest("mc.example.com", 25565);
    const expected = Buffer.concat([
      Buffer.from([0x18, 0x00]), // length 24, packet id 0
      Buffer.from("ffffffff0f", "hex"), // protocol version -1
      Buffer.from([14]),
      Buffer.from("mc.example.com"),
      Buffer.from([0x63, 0xdd]), // 25565
      Buffer.from([0x01]), // next state: status
      Buffer.from([0x01, 0x00]), // Status Request
    ]);
    expect(request.toString("hex")).toBe(expected.toString("hex"));
    const length = decodeVarInt(request);
    expect(length.ok && length.size + length.value).toBe(request.length - 2);
  });

  it("can claim a protocol version instead", () => {
    expect(minecraftStatusRequest("a", 1, 767).subarray(2, 4).toString("hex")).toBe("ff05");
  });

  it("refuses a host the handshake cannot carry", () => {
    expect(() => minecraftStatusRequest("a".repeat(256), 25565)).toThrow(RangeError);
  });
});

describe("parseMinecraftStatus", () => {
  it("reads a status with a chat-component MOTD", () => {
    const result = parseMinecraftStatus(statusResponse(PAPER_STATUS));
    const info = { version: "Paper 1.21.1", protocol: 767, playersOnline: 3, playersMax: 20, motd: "My Server\nSurvival | 1.21" };
    expect(result).toEqual({
      complete: true,
      info,
      banner: { service: "minecraft", product: "Minecraft", version: "Paper 1.21.1", text: "My Server\nSurvival | 1.21\nPlayers: 3/20", game: info },
    });
  });

  it("reads a plain-string MOTD and tolerates missing fields", () => {
    const result = parseMinecraftStatus(statusResponse({ description: "§aA Minecraft Server" }));
    expect(result.info).toEqual({ version: null, protocol: null, playersOnline: null, playersMax: null, motd: "A Minecraft Server" });
  });

  it("is incomplete for every prefix, then complete", () => {
    const whole = statusResponse(PAPER_STATUS);
    expect(whole.length).toBeGreaterThan(300); // a two-byte length
    for (let end = 0; end < whole.length; end++) expect(parseMinecraftStatus(whole.subarray(0, end))).toEqual({ complete: false });
    expect(parseMinecraftStatus(whole).complete).toBe(true);
  });

  it("gives up at once on bytes that cannot become a status", () => {
    expect(parseMinecraftStatus(Buffer.from("HTTP/1.1 400 Bad Request\r\n"))).toEqual({ complete: true });
    expect(parseMinecraftStatus(Buffer.from("ffffffffff01", "hex"))).toEqual({ complete: true });
    expect(parseMinecraftStatus(Buffer.from("ffffff7f00", "hex"))).toEqual({ complete: true }); // longer than any packet
    expect(parseMinecraftStatus(Buffer.from([0x01, 0x00]))).toEqual({ complete: true });
  });

  it("is complete without info for a whole packet that is not a status", () => {
    expect(parseMinecraftStatus(statusResponse("{not json"))).toEqual({ complete: true });
    expect(parseMinecraftStatus(statusResponse("[1,2]"))).toEqual({ complete: true });
    const lying = Buffer.concat([Buffer.from([0x04, 0x00, 0x7f]), Buffer.from("{}")]); // string longer than the packet
    expect(parseMinecraftStatus(lying)).toEqual({ complete: true });
  });

  it("escapes control and bidi characters from the JSON", () => {
    const result = parseMinecraftStatus(statusResponse({ version: { name: "x\u202Ey", protocol: 1.5 }, description: { text: "\u001b[31mhi" } }));
    expect(result.info).toMatchObject({ version: "x\\u{202E}y", protocol: null, motd: "\\x1B[31mhi" });
  });
});
