// The first packet a MySQL or MariaDB server sends: the initial handshake with its version, or
// the error packet it sends instead to a host it will not serve ("Host '...' is not allowed").
import type { Banner } from "./banner";
import { bannerText, sanitizeText } from "./sanitize-text";

/** Real greetings are about 100 bytes; a larger length is something else that happens to fit. */
const MAX_GREETING = 16 * 1024;

export function parseMysqlGreeting(bytes: Buffer): Banner | null {
  if (bytes.length < 5) return null;
  const length = bytes.readUIntLE(0, 3);
  if (bytes[3] !== 0 || length < 3 || length > MAX_GREETING) return null;
  // The caller may have only part of the packet; the fields we read come first.
  const body = bytes.subarray(4, 4 + length);
  if (body[0] === 0x0a) return handshake(body);
  if (body[0] === 0xff) return errorPacket(body);
  return null;
}

function handshake(body: Buffer): Banner | null {
  const end = body.indexOf(0, 1);
  if (end < 0 || end > 128) return null;
  const serverVersion = body.toString("latin1", 1, end);
  if (!/^\d+\.\d+\.\d+[\x20-\x7e]*$/.test(serverVersion)) return null;
  // MariaDB 10.x prefixes its version with "5.5.5-" so that old MySQL clients accept it.
  const mariadb = serverVersion.startsWith("5.5.5-") || /mariadb/i.test(serverVersion);
  const unprefixed = serverVersion.replace(/^5\.5\.5-(?=\d)/, "");
  return {
    service: "mysql",
    product: mariadb ? "MariaDB" : "MySQL",
    version: /^\d+\.\d+\.\d+/.exec(unprefixed)![0],
    text: sanitizeText(serverVersion),
  };
}

function errorPacket(body: Buffer): Banner | null {
  if (body.length < 4) return null;
  const code = body.readUInt16LE(1);
  if (code < 1000) return null;
  // A '#' and a five-character SQL state come first only once the client has said it understands them.
  const start = body[3] === 0x23 ? 9 : 3;
  const message = body.subarray(start);
  if (message.length === 0 || !/^[\x20-\x7e]/.test(message.toString("latin1", 0, 1))) return null;
  const text = bannerText(message);
  const product = /MariaDB/i.test(text) ? "MariaDB" : /MySQL/i.test(text) ? "MySQL" : null;
  return { service: "mysql", product, version: null, text };
}
