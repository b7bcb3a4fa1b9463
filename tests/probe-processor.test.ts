// BullMQ semantics of a region's probe processor, with a real queue and worker in this process: a verdict
// completes the job, and so does a policy refusal (reported as the run's failure, never retried).
import { Queue, QueueEvents, Worker } from "bullmq";
import ipaddr from "ipaddr.js";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../lib/db";
import { createLimiters } from "../lib/limits/rate-limits";
import { PROBE_JOB_OPTIONS, type ProbeJob, probeQueueName } from "../lib/queue/probe-queues";
import { enqueueCheckRuns } from "../lib/checks/dispatch-check";
import { directSink } from "../lib/verdicts/sink";
import { createProducerRedis, createWorkerRedis } from "../lib/redis";
import type { Resolver } from "../lib/targets/resolve-target";
import { runInProcess } from "../lib/probes/registry";
import { createProbeProcessor } from "../worker/probe-processor";
import { openPort } from "./helpers/listeners";
import { newCheck } from "./helpers/check-runs";
import { TEST_INSTANCE } from "./instance";

const QUEUE = probeQueueName("local");

const PREFIX = `${TEST_INSTANCE.unitPrefix}-processor`;
const db = createDb();
const limitsRedis = createProducerRedis();
const connection = createWorkerRedis();
const queue = new Queue<ProbeJob>(QUEUE, { connection, prefix: PREFIX });
const events = new QueueEvents(QUEUE, { connection: createWorkerRedis(), prefix: PREFIX });

// Names resolve through this table: no real DNS in tests.
const dns: Record<string, string> = { "good.example.net": "127.0.0.2", "evil.example.net": "10.0.0.7" };
const resolver: Resolver = async (name) => [{ address: dns[name]!, family: 4 }];

const worker = new Worker<ProbeJob>(
  QUEUE,
  createProbeProcessor({
    region: "local",
    sink: directSink({ db, enqueueAlerts: async () => {}, liveRegions: async () => new Set(["local"]) }),
    limiters: createLimiters(limitsRedis),
    rules: { allowlist: [ipaddr.parseCIDR("127.0.0.2/32")] },
    resolver,
    runner: runInProcess,
    parallelism: 4,
    log: pino({ level: "silent" }),
  }),
  { connection, prefix: PREFIX },
);

afterAll(async () => {
  await worker.close();
  await queue.obliterate({ force: true });
  await Promise.all([queue.close(), events.close()]);
  await Promise.all([connection.quit(), limitsRedis.quit(), db.$disconnect()]);
});

async function enqueue(host: string, ports: number[]): Promise<string> {
  const id = await newCheck(db, host, ports);
  const check = await db.check.findUniqueOrThrow({ where: { id } });
  await enqueueCheckRuns(() => queue, { ...check, literal: false }, ["local"], 25);
  return id;
}

const jobOf = async (id: string) => (await queue.getJob(`check.${id}.local.0`))!;

describe("a region's probe processor", () => {
  it("completes a job with the verdicts", async () => {
    const open = await openPort();
    const id = await enqueue("good.example.net", [open.port]);
    const job = await jobOf(id);
    expect(await job.waitUntilFinished(events, 15_000)).toBe("done");
    const result = await db.checkResult.findFirstOrThrow({ where: { checkId: id } });
    expect(result).toMatchObject({ state: "open", address: "127.0.0.2" });
    await open.close();
  });

  it("reports a policy refusal as the region's failure at once, without retries", async () => {
    const id = await enqueue("evil.example.net", [22]);
    const job = await jobOf(id);
    expect(await job.waitUntilFinished(events, 15_000)).toBe("failed");
    expect((await jobOf(id)).attemptsMade).toBe(1); // one attempt, completed
    expect(PROBE_JOB_OPTIONS.attempts).toBeGreaterThan(1);
    expect(await db.checkRun.findFirstOrThrow({ where: { checkId: id } })).toMatchObject({ status: "failed", errorCode: "target_forbidden" });
    expect(await db.check.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "failed", errorCode: "target_forbidden" });
  });

  it("refuses a job of another region without retrying", async () => {
    const id = await newCheck(db, "good.example.net", [22], { regions: ["elsewhere"] });
    const check = await db.check.findUniqueOrThrow({ where: { id } });
    await enqueueCheckRuns(() => queue, { ...check, literal: false }, ["elsewhere"], 25);
    const job = (await queue.getJob(`check.${id}.elsewhere.0`))!;
    await expect(job.waitUntilFinished(events, 15_000)).rejects.toThrow(/region elsewhere/);
  });

  it("refuses a malformed payload without retrying", async () => {
    const job = await queue.add("check", { kind: "check", checkId: "" } as unknown as ProbeJob, { ...PROBE_JOB_OPTIONS, jobId: "malformed-payload" });
    await expect(job.waitUntilFinished(events, 15_000)).rejects.toThrow(/malformed/);
    expect((await queue.getJob(job.id!))!.attemptsMade).toBe(1);
  });
});
