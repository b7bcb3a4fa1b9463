// Redis: an inline PING, and the reply that shows a Redis-compatible server is there, whether it
// answers freely (+PONG), wants a password (-NOAUTH) or refuses outsiders (-DENIED, protected mode).
import type { Banner } from "./banner";
import { sanitizeText } from "./sanitize-text";

export function redisPingRequest(): Buffer {
  return Buffer.from("PING\r\n", "latin1");
}

/** Null until a whole first line has arrived, and for anything that is not a Redis reply. */
export function parseRedisReply(bytes: Buffer): Banner | null {
  const lineEnd = bytes.indexOf("\n");
  if (lineEnd < 0) return null;
  const line = bytes.toString("latin1", 0, lineEnd).replace(/\r$/, "");
  if (line !== "+PONG" && !/^-(?:NOAUTH|DENIED|ERR|WRONGPASS|NOPERM)\b/.test(line)) return null;
  return { service: "redis", product: null, version: null, text: sanitizeText(line.slice(1), 512) };
}
