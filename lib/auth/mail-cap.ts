// At most a few account e-mails (confirmation links, reset links, "someone tried to sign up") per
// address and hour, whoever asks and from wherever: a counter per kind and address in Redis.
import { createHash } from "node:crypto";
import { env } from "../env";
import { producerRedis, readyRedis } from "../redis";

export type AccountMailKind = "verify" | "reset";

/** Mails of one kind to one address per window. */
export const MAIL_CAP = { max: 3, windowSeconds: 3600 } as const;

function capKey(kind: AccountMailKind, address: string): string {
  const digest = createHash("sha256").update(address.trim().toLowerCase()).digest("hex");
  return `${env().REDIS_PREFIX}:mailcap:${kind}:${digest}`;
}

/** Counts one mail of this kind to this address; false when the address has had its share for now. */
export async function takeMailAllowance(kind: AccountMailKind, address: string): Promise<boolean> {
  const redis = await readyRedis(producerRedis());
  const key = capKey(kind, address);
  const [[, count]] = (await redis.multi().incr(key).expire(key, MAIL_CAP.windowSeconds, "NX").exec()) as [[unknown, number], unknown];
  return count <= MAIL_CAP.max;
}
