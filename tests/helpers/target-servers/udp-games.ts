// Game server queries over UDP: Minecraft Bedrock (RakNet Unconnected Ping/Pong) and Source engine A2S_INFO with its challenge (Valve's "Server queries").
import { randomBytes } from "node:crypto";
import type { UdpServer } from "./types";

export const RAKNET_MAGIC = Buffer.from("00ffff00fefefefefdfdfdfd12345678", "hex");
export const BEDROCK_GUID = 1234567890n;
export const DEFAULT_BEDROCK_MOTD = `MCPE;Portcheck Bedrock;766;1.21.50;2;10;${BEDROCK_GUID};Sub;Survival;1;19132;19133;`;

/** Unconnected Ping (0x01, or 0x02 "open connections") → Unconnected Pong (0x1c) echoing the client's time. */
export const bedrock: UdpServer = (context) => {
  const motd = Buffer.from(context.spec.motd ?? DEFAULT_BEDROCK_MOTD, "utf8");
  return (message) => {
    // id, int64 time, 16-byte magic, int64 client GUID (some clients omit the GUID).
    if (message.length < 25 || (message[0] !== 0x01 && message[0] !== 0x02) || !message.subarray(9, 25).equals(RAKNET_MAGIC)) return undefined;
    const pong = Buffer.alloc(1 + 8 + 8 + 16 + 2);
    pong.writeUInt8(0x1c, 0);
    message.copy(pong, 1, 1, 9);
    pong.writeBigUInt64BE(BEDROCK_GUID, 9);
    RAKNET_MAGIC.copy(pong, 17);
    pong.writeUInt16BE(motd.length, 33);
    return Buffer.concat([pong, motd]);
  };
};

const SINGLE_PACKET = Buffer.from([0xff, 0xff, 0xff, 0xff]);
const INFO_QUERY = Buffer.from("TSource Engine Query\0", "latin1");

export const A2S_GAME = {
  name: "Portcheck CS",
  map: "de_dust2",
  folder: "csgo",
  game: "Counter-Strike 2",
  appId: 730,
  players: 5,
  maxPlayers: 32,
  version: "1.40.4.6",
  gamePort: 27015,
};

function cString(text: string): Buffer {
  return Buffer.from(`${text}\0`, "utf8");
}

/** A2S_INFO answered like a current Source server: S2C_CHALLENGE first, the info only when the request echoes that challenge. */
export const a2s: UdpServer = () => {
  let challenge = randomBytes(4);
  // -1 is what clients send to ask for a challenge, so it can never be the right one.
  while (challenge.readInt32LE(0) === -1) challenge = randomBytes(4);
  return (message) => {
    if (!message.subarray(0, 4).equals(SINGLE_PACKET) || !message.subarray(4, 4 + INFO_QUERY.length).equals(INFO_QUERY)) return undefined;
    const given = message.subarray(4 + INFO_QUERY.length, 8 + INFO_QUERY.length);
    if (!given.equals(challenge)) return Buffer.concat([SINGLE_PACKET, Buffer.from([0x41]), challenge]);
    const numbers = Buffer.alloc(2 + 7);
    numbers.writeUInt16LE(A2S_GAME.appId, 0);
    numbers.set([A2S_GAME.players, A2S_GAME.maxPlayers, 0 /* bots */, "d".charCodeAt(0), "l".charCodeAt(0), 0 /* public */, 1 /* VAC */], 2);
    // Extra Data Flag 0x80 | 0x01: the game port, then the 64-bit game id.
    const extra = Buffer.alloc(1 + 2 + 8);
    extra.writeUInt8(0x81, 0);
    extra.writeUInt16LE(A2S_GAME.gamePort, 1);
    extra.writeBigUInt64LE(BigInt(A2S_GAME.appId), 3);
    return Buffer.concat([
      SINGLE_PACKET,
      Buffer.from([0x49, 17]),
      ...[A2S_GAME.name, A2S_GAME.map, A2S_GAME.folder, A2S_GAME.game].map(cString),
      numbers,
      cString(A2S_GAME.version),
      extra,
    ]);
  };
};
