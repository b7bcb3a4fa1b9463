// Minecraft Bedrock Edition (RakNet): the Unconnected Ping that the game's server list sends, and
// the Unconnected Pong whose "MCPE;..." string says what the server is and how full it is.
import { type Banner, type GameInfo, gameText } from "./banner";
import { minecraftText } from "./chat-component";
import { sanitizeText } from "./sanitize-text";

const UNCONNECTED_PING = 0x01;
const UNCONNECTED_PONG = 0x1c;
/** RakNet's OFFLINE_MESSAGE_DATA_ID: marks every packet sent outside a connection. */
export const RAKNET_MAGIC = Buffer.from("00ffff00fefefefefdfdfdfd12345678", "hex");
const EDITIONS: Record<string, string> = { MCPE: "Minecraft Bedrock", MCEE: "Minecraft Education" };

/** 33 bytes: id, ping time (the server echoes it back), magic, our GUID. */
export function raknetUnconnectedPing(pingTime: bigint, clientGuid: Buffer): Buffer {
  if (clientGuid.length !== 8) throw new RangeError("RakNet GUID must be 8 bytes");
  const ping = Buffer.alloc(33);
  ping[0] = UNCONNECTED_PING;
  ping.writeBigInt64BE(BigInt.asIntN(64, pingTime), 1);
  RAKNET_MAGIC.copy(ping, 9);
  clientGuid.copy(ping, 25);
  return ping;
}

/**
 * A banner for an Unconnected Pong (echoing pingTime when given); null otherwise. A RakNet server
 * that is not Minecraft still answers: that is service "raknet" with its pong string as text.
 */
export function parseRaknetPong(reply: Buffer, pingTime?: bigint): Banner | null {
  if (reply.length < 35 || reply[0] !== UNCONNECTED_PONG) return null;
  if (pingTime !== undefined && reply.readBigInt64BE(1) !== BigInt.asIntN(64, pingTime)) return null;
  if (!reply.subarray(17, 33).equals(RAKNET_MAGIC)) return null;
  const declared = reply.readUInt16BE(33);
  // A pong cut short by a small datagram buffer still says who answered.
  const status = reply.toString("utf8", 35, Math.min(reply.length, 35 + declared));
  const fields = status.split(";");
  const product = EDITIONS[fields[0] ?? ""];
  if (!product) return { service: "raknet", product: null, version: null, text: sanitizeText(status, 512) };

  const info: GameInfo = {
    version: minecraftText(fields[3] ?? "", 64) || null,
    protocol: integerOrNull(fields[2]),
    playersOnline: integerOrNull(fields[4]),
    playersMax: integerOrNull(fields[5]),
    motd: minecraftText(fields[1] ?? "", 256),
  };
  const level = minecraftText(fields[7] ?? "", 256);
  if (level) info.map = level;
  return { service: "minecraft-bedrock", product, version: info.version, text: gameText(info), game: info };
}

function integerOrNull(field: string | undefined): number | null {
  return field !== undefined && /^\d{1,9}$/.test(field) ? Number(field) : null;
}
