// Minecraft Java Edition's Server List Ping (1.7 and later): the handshake and status request a
// client sends, and the JSON status the server returns, which may arrive over several reads.
import { type Banner, type GameInfo, gameText } from "./banner";
import { chatComponentText, minecraftText } from "./chat-component";
import { decodeVarInt, encodeVarInt } from "./var-int";

/** The protocol's own ceiling for one packet (three VarInt bytes of length). */
const MAX_PACKET = 0x1fffff;
/** -1 asks for the status without claiming a game version. */
const ANY_PROTOCOL = -1;
const NEXT_STATE_STATUS = 1;

export interface MinecraftStatus {
  /** True once nothing more is worth reading: the status is whole, or the bytes cannot become one. */
  complete: boolean;
  /** Present when complete and the bytes were a status response. */
  info?: GameInfo;
  banner?: Banner;
}

/** Handshake (next state: status) followed by the empty Status Request, ready to write. */
export function minecraftStatusRequest(host: string, port: number, protocolVersion = ANY_PROTOCOL): Buffer {
  const hostBytes = Buffer.from(host, "utf8");
  if (hostBytes.length > 255) throw new RangeError("Minecraft server address longer than 255 bytes");
  const portBytes = Buffer.alloc(2);
  portBytes.writeUInt16BE(port);
  const handshake = Buffer.concat([
    encodeVarInt(0x00),
    encodeVarInt(protocolVersion),
    encodeVarInt(hostBytes.length),
    hostBytes,
    portBytes,
    encodeVarInt(NEXT_STATE_STATUS),
  ]);
  const statusRequest = Buffer.from([0x01, 0x00]);
  return Buffer.concat([encodeVarInt(handshake.length), handshake, statusRequest]);
}

/** Give it everything read so far; read more while complete is false (up to the caller's byte limit). */
export function parseMinecraftStatus(bytes: Buffer): MinecraftStatus {
  const length = decodeVarInt(bytes);
  if (!length.ok) return { complete: length.reason === "too-long" };
  if (length.value < 2 || length.value > MAX_PACKET) return { complete: true };
  // Reject a wrong packet id at once rather than wait for a length's worth of garbage.
  const id = decodeVarInt(bytes, length.size);
  if (!id.ok) return { complete: id.reason === "too-long" };
  if (id.value !== 0x00) return { complete: true };
  const end = length.size + length.value;
  if (bytes.length < end) return { complete: false };

  const packet = bytes.subarray(length.size + id.size, end);
  const jsonLength = decodeVarInt(packet);
  if (!jsonLength.ok || jsonLength.value < 0 || jsonLength.size + jsonLength.value > packet.length) return { complete: true };
  const info = statusInfo(packet.toString("utf8", jsonLength.size, jsonLength.size + jsonLength.value));
  if (!info) return { complete: true };
  return {
    complete: true,
    info,
    banner: { service: "minecraft", product: "Minecraft", version: info.version, text: gameText(info), game: info },
  };
}

function statusInfo(json: string): GameInfo | null {
  let status: unknown;
  try {
    status = JSON.parse(json);
  } catch {
    return null;
  }
  if (status === null || typeof status !== "object" || Array.isArray(status)) return null;
  const { version, players, description } = status as { version?: unknown; players?: unknown; description?: unknown };
  const versionObject = asObject(version);
  const playersObject = asObject(players);
  const versionName = typeof versionObject.name === "string" ? minecraftText(versionObject.name, 128) : null;
  return {
    version: versionName || null,
    protocol: integerOrNull(versionObject.protocol),
    playersOnline: integerOrNull(playersObject.online),
    playersMax: integerOrNull(playersObject.max),
    motd: minecraftText(chatComponentText(description ?? ""), 512),
  };
}

function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function integerOrNull(value: unknown): number | null {
  return typeof value === "number" && Number.isSafeInteger(value) ? value : null;
}
