// Database servers up to the point a probe cares about: MariaDB's initial handshake, Redis PING (RESP2), PostgreSQL's SSLRequest.
import { randomBytes } from "node:crypto";
import type { TcpServer } from "./types";

export const MARIADB_VERSION = "5.5.5-10.11.6-MariaDB-0+deb12u1";

let nextConnectionId = 31;

// A scramble never contains NUL: clients read part 2 as a NUL-terminated string.
function scramble(length: number): Buffer {
  return Buffer.from(randomBytes(length).map((byte) => (byte % 94) + 33));
}

/** Protocol::HandshakeV10 as MariaDB 10.11 sends it, in one packet with sequence id 0. */
export function mariadbHandshake(connectionId: number): Buffer {
  const id = Buffer.alloc(4);
  id.writeUInt32LE(connectionId, 0);
  const auth = scramble(20);
  const fixed = Buffer.alloc(2 + 1 + 2 + 2 + 1 + 10);
  // CLIENT_MYSQL (bit 0) clear: how a MariaDB server tells clients it is MariaDB. PROTOCOL_41, SECURE_CONNECTION, PLUGIN_AUTH set.
  let offset = fixed.writeUInt16LE(0xf7fe, 0);
  offset = fixed.writeUInt8(45, offset); // utf8mb4_general_ci
  offset = fixed.writeUInt16LE(0x0002, offset); // SERVER_STATUS_AUTOCOMMIT
  offset = fixed.writeUInt16LE(0x81bf, offset);
  fixed.writeUInt8(auth.length + 1, offset); // then 6 filler bytes and 4 of MariaDB extended capabilities, all zero
  const payload = Buffer.concat([
    Buffer.from([10]),
    Buffer.from(`${MARIADB_VERSION}\0`, "latin1"),
    id,
    auth.subarray(0, 8),
    Buffer.from([0]),
    fixed,
    auth.subarray(8),
    Buffer.from([0]),
    Buffer.from("mysql_native_password\0", "latin1"),
  ]);
  const packet = Buffer.alloc(4);
  packet.writeUIntLE(payload.length, 0, 3);
  packet.writeUInt8(0, 3);
  return Buffer.concat([packet, payload]);
}

export const mysql: TcpServer = () => (socket) => {
  socket.write(mariadbHandshake(nextConnectionId++));
  socket.resume();
  socket.on("end", () => socket.end());
};

/** Splits complete commands off the front of `buffer`: RESP arrays of bulk strings, or inline commands. */
export function parseRedisCommands(buffer: Buffer): { commands: string[][]; rest: Buffer } {
  const commands: string[][] = [];
  let offset = 0;
  const line = (from: number) => {
    const end = buffer.indexOf("\r\n", from);
    return end < 0 ? null : { text: buffer.toString("latin1", from, end), next: end + 2 };
  };
  parsing: while (offset < buffer.length) {
    if (buffer[offset] === 0x2a /* * */) {
      const count = line(offset + 1);
      if (!count) break;
      const args: string[] = [];
      let next = count.next;
      for (let index = 0; index < Number(count.text); index++) {
        const length = buffer[next] === 0x24 /* $ */ ? line(next + 1) : null;
        if (!length) break parsing;
        const end = length.next + Number(length.text);
        if (end + 2 > buffer.length) break parsing;
        args.push(buffer.toString("utf8", length.next, end));
        next = end + 2;
      }
      if (args.length) commands.push(args);
      offset = next;
    } else {
      const end = buffer.indexOf("\n", offset);
      if (end < 0) break;
      const args = buffer.toString("utf8", offset, end).trim().split(/\s+/).filter(Boolean);
      if (args.length) commands.push(args);
      offset = end + 1;
    }
  }
  return { commands, rest: buffer.subarray(offset) };
}

export const redis: TcpServer = (context) => (socket) => {
  let buffer: Buffer = Buffer.alloc(0);
  socket.on("data", (chunk: Buffer) => {
    const { commands, rest } = parseRedisCommands(Buffer.concat([buffer, chunk]));
    buffer = rest;
    for (const [name = "", ...args] of commands) {
      const command = name.toUpperCase();
      if (command === "QUIT") return socket.end("+OK\r\n");
      if (context.spec.auth && command !== "AUTH") socket.write("-NOAUTH Authentication required.\r\n");
      else if (command === "AUTH") socket.write("-WRONGPASS invalid username-password pair or user is disabled.\r\n");
      else if (command === "PING") socket.write(args[0] === undefined ? "+PONG\r\n" : `$${Buffer.byteLength(args[0])}\r\n${args[0]}\r\n`);
      else socket.write(`-ERR unknown command '${name}', with args beginning with: ${args.map((arg) => `'${arg}' `).join("")}\r\n`);
    }
    if (buffer.length > 64 * 1024) socket.destroy();
  });
  socket.on("end", () => socket.end());
};

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;

/** Declines SSL and GSS encryption with `N`; a StartupMessage gets the error a server without a matching pg_hba.conf line sends. */
export const postgres: TcpServer = () => (socket) => {
  let buffer: Buffer = Buffer.alloc(0);
  socket.on("data", (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    while (buffer.length >= 8) {
      const length = buffer.readUInt32BE(0);
      if (length < 8 || length > 10_000) return socket.destroy();
      if (buffer.length < length) return;
      const code = buffer.readUInt32BE(4);
      buffer = buffer.subarray(length);
      if (code === SSL_REQUEST || code === GSSENC_REQUEST) socket.write("N");
      else if (code === 196608) {
        const fields = ["SFATAL", "VFATAL", "C28000", "Mno pg_hba.conf entry for host, user, database, no encryption"].map((field) => `${field}\0`).join("") + "\0";
        const error = Buffer.alloc(5 + Buffer.byteLength(fields));
        error.write("E", 0, "latin1");
        error.writeUInt32BE(4 + Buffer.byteLength(fields), 1);
        error.write(fields, 5, "utf8");
        return socket.end(error);
      } else return socket.destroy();
    }
  });
  socket.on("end", () => socket.end());
};
