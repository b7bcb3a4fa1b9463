import { describe, expect, it } from "vitest";
import { parseMysqlGreeting } from "./mysql-greeting";

/** A protocol-10 initial handshake as a server sends it, with the 3-byte length and sequence id 0. */
function mysqlHandshake(serverVersion: string): Buffer {
  const body = Buffer.concat([
    Buffer.from([0x0a]),
    Buffer.from(`${serverVersion}\0`, "latin1"),
    Buffer.from([0x2a, 0x00, 0x00, 0x00]), // connection id
    Buffer.from("abcdefgh\0", "latin1"), // auth-plugin-data part 1, filler
    Buffer.from([0xfe, 0xf7]), // capability flags, lower
    Buffer.from([0x2d]), // character set
    Buffer.from([0x02, 0x00]), // status flags
    Buffer.from([0xff, 0x81]), // capability flags, upper
    Buffer.from([21]), // auth-plugin-data length
    Buffer.alloc(6), // reserved
    Buffer.from([0x1d, 0x00, 0x00, 0x00]), // MariaDB extended capabilities (zero in MySQL)
    Buffer.from("ijklmnopqrst\0", "latin1"),
    Buffer.from("mysql_native_password\0", "latin1"),
  ]);
  return withHeader(body);
}

/** The ERR packet sent before the handshake (no SQL state marker). */
function mysqlErrorPacket(code: number, message: string): Buffer {
  const codeBytes = Buffer.alloc(2);
  codeBytes.writeUInt16LE(code);
  return withHeader(Buffer.concat([Buffer.from([0xff]), codeBytes, Buffer.from(message, "latin1")]));
}

function withHeader(body: Buffer): Buffer {
  const header = Buffer.alloc(4);
  header.writeUIntLE(body.length, 0, 3);
  header[3] = 0;
  return Buffer.concat([header, body]);
}

describe("parseMysqlGreeting", () => {
  it("tells MariaDB from MySQL and reads the version", () => {
    expect(parseMysqlGreeting(mysqlHandshake("8.0.36"))).toMatchObject({ product: "MySQL", version: "8.0.36" });
    expect(parseMysqlGreeting(mysqlHandshake("8.0.36-28"))).toMatchObject({ product: "MySQL", version: "8.0.36", text: "8.0.36-28" });
    expect(parseMysqlGreeting(mysqlHandshake("5.5.5-10.11.6-MariaDB-0+deb12u1"))).toMatchObject({ product: "MariaDB", version: "10.11.6" });
    // MariaDB 11 dropped the prefix.
    expect(parseMysqlGreeting(mysqlHandshake("11.4.2-MariaDB-ubu2404"))).toMatchObject({ product: "MariaDB", version: "11.4.2" });
    expect(parseMysqlGreeting(mysqlHandshake("5.5.62-log"))).toMatchObject({ product: "MySQL", version: "5.5.62" });
  });

  it("reads the version from a partial packet once the version has arrived", () => {
    const packet = mysqlHandshake("8.0.36");
    expect(parseMysqlGreeting(packet.subarray(0, 12))).toMatchObject({ version: "8.0.36" });
    expect(parseMysqlGreeting(packet.subarray(0, 10))).toBeNull();
  });

  it("reads error packets, with or without an SQL state", () => {
    expect(parseMysqlGreeting(mysqlErrorPacket(1040, "Too many connections"))).toEqual({
      service: "mysql",
      product: null,
      version: null,
      text: "Too many connections",
    });
    const withState = mysqlErrorPacket(1045, "#28000Access denied");
    expect(parseMysqlGreeting(withState)?.text).toBe("Access denied");
    expect(parseMysqlGreeting(mysqlErrorPacket(1130, "Host 'h' is not allowed to connect to this MariaDB server"))?.product).toBe("MariaDB");
  });

  it("escapes control characters in the error message", () => {
    expect(parseMysqlGreeting(mysqlErrorPacket(1130, "Host '\x1b[31m' is not allowed"))?.text).toBe("Host '\\x1B[31m' is not allowed");
  });

  it("returns null for what is not a greeting", () => {
    expect(parseMysqlGreeting(Buffer.from("SSH-2.0-OpenSSH_9.6\r\n"))).toBeNull();
    expect(parseMysqlGreeting(Buffer.from([0x05, 0x00, 0x00, 0x01, 0x0a, 0x38, 0x00]))).toBeNull(); // sequence id 1
    expect(parseMysqlGreeting(withHeader(Buffer.from("\x0anot-a-version\0", "latin1")))).toBeNull();
    expect(parseMysqlGreeting(withHeader(Buffer.from([0xff, 0x10, 0x00])))).toBeNull(); // code < 1000, no message
    expect(parseMysqlGreeting(Buffer.from([0xff, 0xff, 0xff, 0x00, 0x0a]))).toBeNull(); // absurd length
    expect(parseMysqlGreeting(Buffer.alloc(3))).toBeNull();
  });
});
