// BullMQ semantics of the checks processor, with a real queue and worker in this process:
// a policy refusal fails the job at once (never retried); a verdict completes it.
import { Queue, QueueEvents, Worker } from "bullmq";
import ipaddr from "ipaddr.js";
import pino from "pino";
import { afterAll, describe, expect, it } from "vitest";
import { newId as newCheckId } from "../lib/ids";
import { createDb } from "../lib/db";
import { createLimiters } from "../lib/limits/rate-limits";
import { CHECK_JOB_OPTIONS, CHECKS_QUEUE, type CheckJob } from "../lib/queue/checks-queue";
import { createProducerRedis, createWorkerRedis } from "../lib/redis";
import type { Resolver } from "../lib/targets/resolve-target";
import { runInProcess } from "../lib/probes/registry";
import { createChecksProcessor } from "../worker/checks-processor";
import { openPort } from "./helpers/listeners";

const PREFIX = "portcheck-test-processor";
const db = createDb();
const limitsRedis = createProducerRedis();
const connection = createWorkerRedis();
const queue = new Queue<CheckJob>(CHECKS_QUEUE, { connection, prefix: PREFIX });
const events = new QueueEvents(CHECKS_QUEUE, { connection: createWorkerRedis(), prefix: PREFIX });

// Names resolve through this table: no real DNS in tests.
const dns: Record<string, string> = { "good.example.net": "127.0.0.2", "evil.example.net": "10.0.0.7" };
const resolver: Resolver = async (name) => [{ address: dns[name]!, family: 4 }];

const worker = new Worker<CheckJob>(
  CHECKS_QUEUE,
  createChecksProcessor({
    db,
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
  const id = newCheckId();
  await db.check.create({ data: { id, host, ports, timeoutMs: 1000 } });
  await queue.add("check", { checkId: id }, { ...CHECK_JOB_OPTIONS, jobId: id });
  return id;
}

describe("checks processor", () => {
  it("completes a job with the verdicts", async () => {
    const open = await openPort();
    const id = await enqueue("good.example.net", [open.port]);
    const job = (await queue.getJob(id))!;
    expect(await job.waitUntilFinished(events, 15_000)).toBe("done");
    const result = await db.checkResult.findFirstOrThrow({ where: { checkId: id } });
    expect(result).toMatchObject({ state: "open", address: "127.0.0.2" });
    await open.close();
  });

  it("fails a policy refusal at once, as unrecoverable, without retries", async () => {
    const id = await enqueue("evil.example.net", [22]);
    const job = (await queue.getJob(id))!;
    await expect(job.waitUntilFinished(events, 15_000)).rejects.toThrow(/target_forbidden/);
    const failed = (await queue.getJob(id))!;
    expect(await failed.getState()).toBe("failed");
    expect(failed.attemptsMade).toBe(1);
    expect(CHECK_JOB_OPTIONS.attempts).toBeGreaterThan(1);
    expect(await db.check.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "failed", errorCode: "target_forbidden" });
  });

  it("refuses a malformed payload without retrying", async () => {
    const job = await queue.add("check", { checkId: "" } as CheckJob, { ...CHECK_JOB_OPTIONS, jobId: "malformed-payload" });
    await expect(job.waitUntilFinished(events, 15_000)).rejects.toThrow(/malformed/);
    expect((await queue.getJob(job.id!))!.attemptsMade).toBe(1);
  });
});
