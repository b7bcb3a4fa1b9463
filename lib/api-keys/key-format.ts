// What an API key looks like: "pck_" and 43 base64url characters (32 random bytes). Only its SHA-256 is
// stored: a key is a random secret, so a fast hash cannot be guessed back, and lookups stay one index read.
import { createHash, randomBytes } from "node:crypto";

export const KEY_PREFIX = "pck_";
export const KEY_PATTERN = /^pck_[A-Za-z0-9_-]{43}$/;
/** Characters of a key shown after creation, to tell keys apart. */
const VISIBLE = KEY_PREFIX.length + 8;

export function newApiKey(): { key: string; prefix: string; hash: string } {
  const key = `${KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { key, prefix: key.slice(0, VISIBLE), hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}
