// Which regions have live workers. Every worker announces itself every few seconds in one Redis hash
// (one key, so it works under Redis Cluster too); a region whose workers have all gone quiet is
// unavailable, and no check or monitor waits for it.
import type { Redis } from "ioredis";

export const HEARTBEAT_MS = 5000;
/** A worker not heard from for this long is gone (three missed heartbeats). */
export const LIVE_MS = 15_000;
/** Entries of workers gone for this long are forgotten. */
const FORGET_MS = 24 * 3600_000;

export interface WorkerAnnouncement {
  id: string;
  region: string;
  label: string | null;
  role: "all" | "probe";
  version: string;
  startedAt: string;
  lastSeenAt: string;
  /** Set when the worker stopped on purpose: its region stays known (and unavailable if it was the last). */
  stopped?: boolean;
}

export interface RegionInfo {
  id: string;
  label: string | null;
  available: boolean;
  /** Live workers. */
  workers: number;
  version: string | null;
  lastSeenAt: string | null;
}

export function registryKey(prefix: string): string {
  return `${prefix}:region-workers`;
}

/** Announces a worker now and every HEARTBEAT_MS until stopped; stopping removes the entry at once. */
export function startHeartbeat(redis: Redis, prefix: string, worker: Omit<WorkerAnnouncement, "lastSeenAt">): { first: Promise<unknown>; stop(): Promise<void> } {
  const beat = () => redis.hset(registryKey(prefix), worker.id, JSON.stringify({ ...worker, lastSeenAt: new Date().toISOString() })).catch(() => 0);
  const first = beat();
  const timer = setInterval(beat, HEARTBEAT_MS);
  timer.unref();
  return {
    first,
    async stop() {
      clearInterval(timer);
      await redis.hset(registryKey(prefix), worker.id, JSON.stringify({ ...worker, lastSeenAt: new Date().toISOString(), stopped: true })).catch(() => 0);
    },
  };
}

export async function readWorkers(redis: Redis, prefix: string): Promise<WorkerAnnouncement[]> {
  const entries = await redis.hgetall(registryKey(prefix));
  const now = Date.now();
  const workers: WorkerAnnouncement[] = [];
  const forgotten: string[] = [];
  for (const [id, text] of Object.entries(entries)) {
    try {
      const worker = JSON.parse(text) as WorkerAnnouncement;
      if (now - Date.parse(worker.lastSeenAt) > FORGET_MS) forgotten.push(id);
      else workers.push(worker);
    } catch {
      forgotten.push(id);
    }
  }
  if (forgotten.length) await redis.hdel(registryKey(prefix), ...forgotten).catch(() => 0);
  return workers;
}

/** Every region seen in the last day, and every default region, with whether any of its workers is live. */
export async function listRegions(redis: Redis, prefix: string, defaults: readonly string[] = []): Promise<RegionInfo[]> {
  const workers = await readWorkers(redis, prefix);
  const now = Date.now();
  const byRegion = new Map<string, RegionInfo>();
  for (const name of defaults) byRegion.set(name, { id: name, label: null, available: false, workers: 0, version: null, lastSeenAt: null });
  for (const worker of [...workers].sort((a, b) => Date.parse(a.lastSeenAt) - Date.parse(b.lastSeenAt))) {
    const info = byRegion.get(worker.region) ?? { id: worker.region, label: null, available: false, workers: 0, version: null, lastSeenAt: null };
    const live = !worker.stopped && now - Date.parse(worker.lastSeenAt) <= LIVE_MS;
    info.label = worker.label ?? info.label;
    info.lastSeenAt = worker.lastSeenAt;
    if (live) {
      info.workers++;
      info.available = true;
      info.version = worker.version;
    }
    byRegion.set(worker.region, info);
  }
  return [...byRegion.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** The names of the regions with at least one live worker. */
export async function liveRegions(redis: Redis, prefix: string): Promise<Set<string>> {
  const regions = await listRegions(redis, prefix);
  return new Set(regions.filter((region) => region.available).map((region) => region.id));
}
