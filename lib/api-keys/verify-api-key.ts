// Who is calling with this API key? One index read by the key's hash; lastUsedAt is refreshed at most
// once a minute, so a busy key does not write on every request.
import type { Db } from "../db";
import { hashApiKey, KEY_PATTERN } from "./key-format";

export interface KeyCaller {
  keyId: string;
  scope: "read" | "write";
  user: { id: string; email: string; name: string; emailVerified: boolean };
}

const TOUCH_EVERY_MS = 60_000;

/** The key's owner and scope, or null for a malformed, unknown or revoked key. */
export async function verifyApiKey(db: Db, key: string): Promise<KeyCaller | null> {
  if (!KEY_PATTERN.test(key)) return null;
  const row = await db.apiKey.findUnique({
    where: { hash: hashApiKey(key) },
    select: { id: true, scope: true, lastUsedAt: true, user: { select: { id: true, email: true, name: true, emailVerified: true } } },
  });
  if (!row) return null;
  const now = new Date();
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_EVERY_MS) {
    await db.apiKey.updateMany({ where: { id: row.id }, data: { lastUsedAt: now } });
  }
  return { keyId: row.id, scope: row.scope, user: row.user };
}
