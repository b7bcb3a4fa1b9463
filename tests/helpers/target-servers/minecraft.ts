// A Minecraft Java Edition server as its Server List Ping sees it (wiki.vg "Server List Ping"): VarInt-framed Handshake, Status, Ping/Pong.
import { viaOf } from "./session";
import type { TcpServer } from "./types";

export const DEFAULT_MINECRAFT_STATUS = {
  version: { name: "1.21.4", protocol: 769 },
  players: { max: 20, online: 3 },
  description: { text: "A ", extra: [{ text: "§aPortcheck", bold: true }, { text: " test server" }] },
};

// Far above any status exchange; a longer frame means the client is not speaking this protocol.
const MAX_FRAME = 32 * 1024;

/** A VarInt at `offset`: its value and the offset after it, null if incomplete, Error if longer than 5 bytes. */
export function readVarInt(buffer: Buffer, offset: number): { value: number; next: number } | null | Error {
  let value = 0;
  for (let index = 0; index < 5; index++) {
    const byte = buffer[offset + index];
    if (byte === undefined) return null;
    value |= (byte & 0x7f) << (7 * index);
    if (!(byte & 0x80)) return { value, next: offset + index + 1 };
  }
  return new Error("VarInt too long");
}

export function writeVarInt(value: number): Buffer {
  const bytes: number[] = [];
  let rest = value >>> 0;
  do {
    const byte = rest & 0x7f;
    rest >>>= 7;
    bytes.push(rest ? byte | 0x80 : byte);
  } while (rest);
  return Buffer.from(bytes);
}

function frame(packetId: number, data: Buffer): Buffer {
  const body = Buffer.concat([writeVarInt(packetId), data]);
  return Buffer.concat([writeVarInt(body.length), body]);
}

function string(text: string): Buffer {
  const bytes = Buffer.from(text, "utf8");
  return Buffer.concat([writeVarInt(bytes.length), bytes]);
}

interface Handshake {
  protocol: number;
  host: string;
  serverPort: number;
  nextState: number;
}

function parseHandshake(data: Buffer): Handshake | null {
  const protocol = readVarInt(data, 0);
  if (!protocol || protocol instanceof Error) return null;
  const hostLength = readVarInt(data, protocol.next);
  if (!hostLength || hostLength instanceof Error) return null;
  const portAt = hostLength.next + hostLength.value;
  if (portAt + 2 > data.length) return null;
  const nextState = readVarInt(data, portAt + 2);
  if (!nextState || nextState instanceof Error) return null;
  return { protocol: protocol.value | 0, host: data.toString("utf8", hostLength.next, portAt), serverPort: data.readUInt16BE(portAt), nextState: nextState.value };
}

export const minecraft: TcpServer = (context) => (socket) => {
  const via = viaOf(socket);
  const status = JSON.stringify(context.spec.status ?? DEFAULT_MINECRAFT_STATUS);
  let state: "handshaking" | "status" | "done" = "handshaking";
  let buffer: Buffer = Buffer.alloc(0);

  const onPacket = (packetId: number, data: Buffer) => {
    if (state === "handshaking" && packetId === 0) {
      const handshake = parseHandshake(data);
      if (!handshake) return socket.destroy();
      context.emit({ event: "minecraft", ...handshake }, via);
      // Login (2) and transfer (3) would need a real server: hang up as a full server would after a Disconnect.
      if (handshake.nextState !== 1) return socket.end();
      state = "status";
    } else if (state === "status" && packetId === 0) {
      socket.write(frame(0, string(status)));
    } else if (state === "status" && packetId === 1 && data.length === 8) {
      state = "done";
      socket.end(frame(1, data));
    } else socket.destroy();
  };

  socket.on("data", (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    // Requests arrive in any TCP chunking: take whole frames only.
    while (state !== "done" && !socket.destroyed) {
      const length = readVarInt(buffer, 0);
      if (length instanceof Error || (length && length.value > MAX_FRAME)) return socket.destroy();
      if (!length || buffer.length < length.next + length.value) return;
      const body = buffer.subarray(length.next, length.next + length.value);
      buffer = buffer.subarray(length.next + length.value);
      const packetId = readVarInt(body, 0);
      if (!packetId || packetId instanceof Error) return socket.destroy();
      onPacket(packetId.value, body.subarray(packetId.next));
    }
  });
  socket.on("end", () => socket.end());
};
