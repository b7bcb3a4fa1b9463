// The queues between the central workers and the regions. Each region has two queues, which all of that
// region's workers share: "probes-<region>" for small jobs (monitor runs, checks of a few ports) and
// "bulk-probes-<region>" for the chunks of large checks, each with its own slots in every worker, so a
// one-port check never waits behind a large check's jobs (lanes), whatever their number. A job carries everything its probes
// need (the check's or monitor's plan), so a regional worker needs Redis and nothing else. What the
// probes found comes back on the central "verdicts" queue, which only workers with PostgreSQL consume.
import { Queue } from "bullmq";
import type { Redis } from "ioredis";
import { z } from "zod";
import { env } from "../env";
import type { EngineResult } from "../probes/engine";

export const VERDICTS_QUEUE = "verdicts";

export type Lane = "fast" | "bulk";

/** Jobs of at most this many probes (ports times address families) take the fast lane. */
export const FAST_LANE_MAX_PROBES = 8;

export function laneFor(probes: number): Lane {
  return probes <= FAST_LANE_MAX_PROBES ? "fast" : "bulk";
}

export function probeQueueName(region: string, lane: Lane = "fast"): string {
  return lane === "fast" ? `probes-${region}` : `bulk-probes-${region}`;
}

const family = z.union([z.literal(4), z.literal(6)]);
const region = z.string().regex(/^[a-z0-9-]{1,32}$/);

/** One chunk of one check in one region: its ports and the options of the check. */
export const checkChunkJobSchema = z.object({
  kind: z.literal("check"),
  checkId: z.string().min(1).max(64),
  region,
  chunk: z.number().int().min(0),
  chunks: z.number().int().min(1),
  host: z.string().min(1).max(300),
  ports: z.array(z.number().int().min(1).max(65535)).min(1).max(1000),
  timeoutMs: z.number().int().min(1).max(60_000),
  protocol: z.enum(["tcp", "udp"]),
  family: z.enum(["v4", "v6", "both"]),
  tls: z.enum(["auto", "on", "off"]),
  verifyToken: z.string().max(64).nullable(),
  requestId: z.string().max(64).optional(),
});
export type CheckChunkJob = z.infer<typeof checkChunkJobSchema>;

/** The settings a monitor run probes with; the central worker compares them before recording a vote. */
export const monitorPlanSchema = z.object({
  host: z.string().min(1).max(300),
  port: z.number().int().min(1).max(65535),
  timeoutMs: z.number().int().min(1).max(60_000),
  protocol: z.enum(["tcp", "udp"]),
  family: z.enum(["v4", "v6", "both"]),
  tls: z.enum(["auto", "on", "off"]),
  sendText: z.string().max(2048).nullable(),
  expectReply: z.string().max(2048).nullable(),
});
export type MonitorPlan = z.infer<typeof monitorPlanSchema>;

export const monitorProbeJobSchema = z.object({
  kind: z.literal("monitor"),
  monitorId: z.string().min(1).max(64),
  region,
  scheduledAt: z.number().int().positive(),
  plan: monitorPlanSchema,
});
export type MonitorProbeJob = z.infer<typeof monitorProbeJobSchema>;

export const probeJobSchema = z.discriminatedUnion("kind", [checkChunkJobSchema, monitorProbeJobSchema]);
export type ProbeJob = z.infer<typeof probeJobSchema>;

/** A verdict as it travels: the engine's result, JSON-safe. */
export const verdictSchema = z.object({
  state: z.enum(["open", "closed", "filtered", "open|filtered", "error"]),
  reason: z.string().max(64),
  latencyMs: z.number().nullable(),
  errorCode: z.string().max(64).nullable(),
  tls: z.record(z.string(), z.unknown()).nullable().optional(),
  banner: z.record(z.string(), z.unknown()).nullable().optional(),
  verified: z.boolean().optional(),
  replyMatched: z.boolean().optional(),
});

export const engineResultSchema = z.object({ port: z.number().int(), address: z.string().max(64), family, verdict: verdictSchema });
export const addressesSchema = z.array(z.object({ address: z.string().max(64), family })).max(16);
const failureSchema = z.object({ code: z.string().max(64), message: z.string().max(1000) });

/** Results of a chunk as they arrive (for live pages), and the chunk's end (with all of its results). */
export const checkVerdictsSchema = z.object({
  kind: z.literal("check-results"),
  checkId: z.string().min(1).max(64),
  region,
  probe: z.enum(["tcp", "udp"]),
  withOwnership: z.boolean(),
  results: z.array(engineResultSchema).max(2000),
});
export const checkChunkDoneSchema = checkVerdictsSchema.extend({
  kind: z.literal("check-chunk-done"),
  chunk: z.number().int().min(0),
  addresses: addressesSchema.nullable(),
  failure: failureSchema.nullable(),
});
export const monitorVerdictSchema = z.object({
  kind: z.literal("monitor-result"),
  monitorId: z.string().min(1).max(64),
  region,
  scheduledAt: z.number().int().positive(),
  checkedAt: z.number().int().positive(),
  plan: monitorPlanSchema,
  verdicts: z.array(engineResultSchema.omit({ port: true })).max(4),
  failure: z.string().max(64).nullable(),
});
export const verdictMessageSchema = z.discriminatedUnion("kind", [checkVerdictsSchema, checkChunkDoneSchema, monitorVerdictSchema]);
// The schemas check the shape of what travels; the types are the engine's own.
export type CheckVerdicts = Omit<z.infer<typeof checkVerdictsSchema>, "results"> & { results: EngineResult[] };
export type CheckChunkDone = Omit<z.infer<typeof checkChunkDoneSchema>, "results"> & { results: EngineResult[] };
export type MonitorVerdict = Omit<z.infer<typeof monitorVerdictSchema>, "verdicts"> & { verdicts: Omit<EngineResult, "port">[] };
export type VerdictMessage = CheckVerdicts | CheckChunkDone | MonitorVerdict;

/** Parses a message off the queue into the engine's types. */
export function parseVerdictMessage(data: unknown): VerdictMessage | null {
  const parsed = verdictMessageSchema.safeParse(data);
  return parsed.success ? (parsed.data as unknown as VerdictMessage) : null;
}

/** Retries are for infrastructure failures (Redis away); verdicts are never retried. */
export const PROBE_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: "exponential", delay: 1000 },
  removeOnComplete: { age: 3600, count: 10_000 },
  removeOnFail: { age: 24 * 3600, count: 10_000 },
} as const;

export const VERDICT_JOB_OPTIONS = {
  attempts: 10,
  backoff: { type: "exponential", delay: 500 },
  removeOnComplete: { age: 600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
} as const;

/**
 * Fairness, within a lane: BullMQ priorities (lower runs first), by the number of probes a job asks for,
 * so a smaller job overtakes every waiting larger one; and a large check is split into chunks of
 * PORTS_PER_JOB, so it never holds a lane's slots for long. (Per-caller groups are BullMQ Pro's;
 * priorities are in BullMQ itself and need no caller identity in the regions.)
 */
export function probePriority(probes: number): number {
  return Math.max(1, Math.min(probes, 2_000_000));
}

export function createProbeQueue(connection: Redis, region: string, lane: Lane = "fast"): Queue<ProbeJob> {
  return new Queue<ProbeJob>(probeQueueName(region, lane), { connection, prefix: env().REDIS_PREFIX });
}

export function createVerdictsQueue(connection: Redis): Queue<VerdictMessage> {
  return new Queue<VerdictMessage>(VERDICTS_QUEUE, { connection, prefix: env().REDIS_PREFIX });
}

export type QueueFor = (region: string, lane?: Lane) => Queue<ProbeJob>;

/** The probe queues of every region and lane, made on first use. */
export function probeQueues(connection: Redis): QueueFor {
  const queues = new Map<string, Queue<ProbeJob>>();
  return (region, lane = "fast") => {
    const name = probeQueueName(region, lane);
    let queue = queues.get(name);
    if (!queue) {
      queue = createProbeQueue(connection, region, lane);
      queues.set(name, queue);
    }
    return queue;
  };
}

/** A producer must not wait for Redis forever: after this, add() counts as failed (503). */
const ENQUEUE_TIMEOUT_MS = 3000;

export async function withEnqueueTimeout<T>(work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(Object.assign(new Error("Command timed out: enqueue"), { code: "ETIMEDOUT" })), ENQUEUE_TIMEOUT_MS);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
