// Ownership tokens ("is it really my machine?"): issued to one visitor, valid for ten minutes, claimed
// once by a check from that same visitor. Kept in Redis only: a token is worth nothing after its check.
import { randomBytes } from "node:crypto";
import type { Redis } from "ioredis";
import { env } from "../env";

export const TOKEN_TTL_SECONDS = 600;
const BASE32 = "abcdefghijklmnopqrstuvwxyz234567";

function key(token: string): string {
  return `${env().REDIS_PREFIX}:verify:${token}`;
}

function newToken(): string {
  const bytes = randomBytes(24);
  return `pc-${Array.from(bytes, (byte) => BASE32[byte & 31]).join("")}`;
}

export async function issueToken(redis: Redis, clientKey: string): Promise<{ token: string; expiresAt: Date }> {
  const token = newToken();
  await redis.set(key(token), clientKey, "EX", TOKEN_TTL_SECONDS);
  return { token, expiresAt: new Date(Date.now() + TOKEN_TTL_SECONDS * 1000) };
}

// Compare and delete in one step: a token is used once, and only by the visitor it was issued to. A claim
// answers the milliseconds the token had left (at least 1), so that it can be given back.
const CLAIM = `local owner = redis.call("GET", KEYS[1])
if not owner then return 0 end
if owner ~= ARGV[1] then return -1 end
local left = redis.call("PTTL", KEYS[1])
redis.call("DEL", KEYS[1])
if left < 1 then return 1 end
return left`;

export type ClaimOutcome = { outcome: "claimed"; leftMs: number } | { outcome: "unknown" | "not-yours" };

export async function claimToken(redis: Redis, token: string, clientKey: string): Promise<ClaimOutcome> {
  const answer = Number(await redis.eval(CLAIM, 1, key(token), clientKey));
  return answer > 0 ? { outcome: "claimed", leftMs: answer } : { outcome: answer === -1 ? "not-yours" : "unknown" };
}

/** Gives a claimed token back, for the time it had left, when the check that claimed it could not be stored or queued. */
export async function releaseToken(redis: Redis, token: string, clientKey: string, leftMs: number): Promise<void> {
  await redis.set(key(token), clientKey, "PX", Math.max(1, Math.round(leftMs)), "NX");
}
