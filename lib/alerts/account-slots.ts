// At most a few deliveries of one account in flight at once, across all workers, so that one account's
// slow receiver cannot hold every delivery slot and delay everyone else's alerts. A slot is a member of a
// sorted set in Redis that expires by itself (a worker that dies frees its slots within the lease).
import type { Redis } from "ioredis";

export const SLOTS_PER_ACCOUNT = 2;
/** Longer than one delivery can take (the webhook deadline, 10 s, with room). */
const LEASE_MS = 30_000;

function slotsKey(prefix: string, accountId: string): string {
  return `${prefix}:alert-slots:${accountId}`;
}

/** Atomic: drop expired slots, then take one if fewer than the limit are held (one key: fine under Redis Cluster). */
const TAKE_SLOT = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZSCORE', KEYS[1], ARGV[3]) then return 1 end
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[4]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1`;

/** Takes a slot for this delivery, or returns false when the account's slots are all in use. */
export async function takeSlot(redis: Redis, prefix: string, accountId: string, deliveryId: string, now = Date.now()): Promise<boolean> {
  const taken = await redis.eval(TAKE_SLOT, 1, slotsKey(prefix, accountId), now, now + LEASE_MS, deliveryId, SLOTS_PER_ACCOUNT, LEASE_MS);
  return taken === 1;
}

export async function releaseSlot(redis: Redis, prefix: string, accountId: string, deliveryId: string): Promise<void> {
  await redis.zrem(slotsKey(prefix, accountId), deliveryId).catch(() => 0);
}
