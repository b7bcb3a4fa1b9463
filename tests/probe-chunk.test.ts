// A region's chunk of a check in-process, with an injected resolver and the direct verdict sink:
// DNS rebinding, refusals, idempotence, the target's budget.
import ipaddr from "ipaddr.js";
import pino from "pino";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { runInProcess } from "../lib/probes/registry";
import { createDb } from "../lib/db";
import { consume, createLimiters } from "../lib/limits/rate-limits";
import { createProducerRedis } from "../lib/redis";
import type { Resolver } from "../lib/targets/resolve-target";
import { closedPort, type OpenPort, openPort } from "./helpers/listeners";
import { newCheck as storeCheck, runChunksHere } from "./helpers/check-runs";

const db = createDb();
const redis = createProducerRedis();
const limiters = createLimiters(redis);
const allowlist = [ipaddr.parseCIDR("127.0.0.2/32")];
const log = pino({ level: "silent" });
const cleanups: (() => unknown)[] = [];

afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});
afterAll(async () => {
  await redis.quit();
  await db.$disconnect();
});

const newCheck = (host: string, ports: number[]) => storeCheck(db, host, ports);
const runCheck = async (id: string, options: ReturnType<typeof deps>) => (await runChunksHere(db, id, options)).join(",");

function deps(resolver?: Resolver) {
  return { db, limiters, rules: { allowlist }, resolver, runner: runInProcess, parallelism: 4, isFinalAttempt: false, log };
}

async function listener(host = "127.0.0.2", port = 0): Promise<OpenPort> {
  const open = await openPort(host, port);
  cleanups.push(() => open.close());
  return open;
}

describe("a check's chunk in one region", () => {
  it("resolves once and connects only to the validated address (DNS rebinding)", async () => {
    // Two listeners on one port number: one on the allowed address, one on forbidden 127.0.0.1.
    const allowed = await listener("127.0.0.2");
    const forbidden = await listener("127.0.0.1", allowed.port);
    const port = allowed.port;
    let lookups = 0;
    // First answer allowed, every later answer forbidden: a second lookup would be caught connecting to 127.0.0.1.
    const rebinding: Resolver = async () => (lookups++ === 0 ? [{ address: "127.0.0.2", family: 4 }] : [{ address: "127.0.0.1", family: 4 }]);
    const id = await newCheck("rebind.example.net", [port, await closedPort()]);

    expect(await runCheck(id, deps(rebinding))).toBe("done");
    expect(lookups).toBe(1);
    expect(allowed.connections).toHaveLength(1);
    expect(forbidden.connections).toHaveLength(0);
    const results = await db.checkResult.findMany({ where: { checkId: id } });
    expect(results.every((result) => result.address === "127.0.0.2")).toBe(true);
    expect(results.find((result) => result.port === port)?.state).toBe("open");
  });

  it("fails a name that resolves to a forbidden address with target_forbidden, without connecting", async () => {
    const trap = await listener("127.0.0.2");
    const resolver: Resolver = async () => [
      { address: "127.0.0.2", family: 4 },
      { address: "169.254.169.254", family: 4 },
    ];
    const id = await newCheck("sneaky.example.net", [trap.port]);
    expect(await runCheck(id, deps(resolver))).toBe("failed");
    const check = await db.check.findUniqueOrThrow({ where: { id }, include: { results: true } });
    expect(check).toMatchObject({ status: "failed", errorCode: "target_forbidden" });
    expect(check.errorMessage).toContain("169.254.169.254");
    expect(check.results).toHaveLength(0);
    expect(trap.connections).toHaveLength(0);
  });

  it("ends a host that does not resolve as failed with dns_failed", async () => {
    const resolver: Resolver = async () => {
      throw Object.assign(new Error("getaddrinfo ENOTFOUND"), { code: "ENOTFOUND" });
    };
    const id = await newCheck("nxdomain.example.net", [80]);
    expect(await runCheck(id, deps(resolver))).toBe("failed");
    expect(await db.check.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "failed", errorCode: "dns_failed" });
  });

  it("retries a transient resolver failure, and gives up as dns_failed on the last attempt", async () => {
    const resolver: Resolver = async () => {
      throw Object.assign(new Error("SERVFAIL"), { code: "ESERVFAIL" });
    };
    const id = await newCheck("flaky.example.net", [80]);
    await expect(runCheck(id, deps(resolver))).rejects.toMatchObject({ code: "dns_failed", transient: true });
    expect((await db.check.findUniqueOrThrow({ where: { id } })).status).toBe("running");
    expect(await db.checkRun.findFirstOrThrow({ where: { checkId: id } })).toMatchObject({ status: "running", finishedChunks: [] });
    expect(await runCheck(id, { ...deps(resolver), isFinalAttempt: true })).toBe("failed");
    expect((await db.check.findUniqueOrThrow({ where: { id } })).errorCode).toBe("dns_failed");
  });

  it("is idempotent: a chunk delivered again changes no stored verdict and no count", async () => {
    const open = await listener();
    const id = await newCheck("127.0.0.2", [open.port]);
    expect(await runCheck(id, deps())).toBe("done");
    const first = await db.check.findUniqueOrThrow({ where: { id }, include: { results: true, runs: true } });
    expect(first.runs[0]).toMatchObject({ status: "done", finishedChunks: [0] });
    expect(await runCheck(id, deps())).toBe("done");
    const second = await db.check.findUniqueOrThrow({ where: { id }, include: { results: true, runs: true } });
    expect(second).toEqual(first);
  });

  it("limits probes per target address across all callers", async () => {
    const target = "127.0.0.2";
    await limiters.target.delete(target);
    const open = await listener();
    await consume(limiters.target, target, limiters.target.points - 1);
    const id = await newCheck(target, [open.port, open.port + 1 > 65535 ? 1 : open.port + 1]);
    expect(await runCheck(id, deps())).toBe("failed");
    const check = await db.check.findUniqueOrThrow({ where: { id } });
    expect(check.errorCode).toBe("rate_limited");
    expect(open.connections).toHaveLength(0);
    await limiters.target.delete(target);
  });

  it("splits a check into chunks, and ends the check only when the last chunk has reported", async () => {
    const open = await listener();
    const ports = [open.port, ...Array.from({ length: 5 }, (_, index) => 1000 + index)];
    const id = await storeCheck(db, "127.0.0.2", ports, { portsPerJob: 2 });
    const sinkDeps = deps();
    const { chunkJobsOf } = await import("./helpers/check-runs");
    const { probeChunk } = await import("../lib/checks/probe-chunk");
    const { directSink } = await import("../lib/verdicts/sink");
    const jobs = await chunkJobsOf(db, id);
    expect(jobs.map((job) => job.ports.length)).toEqual([2, 2, 2]);
    const sink = directSink({ db, enqueueAlerts: async () => {}, liveRegions: async () => new Set(["local"]) });
    for (const job of [jobs[2]!, jobs[0]!]) expect(await probeChunk(job, { ...sinkDeps, sink })).toBe("done");
    expect(await db.check.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "running" });
    expect(await db.checkRun.findFirstOrThrow({ where: { checkId: id } })).toMatchObject({ status: "running", finishedChunks: [2, 0] });
    expect(await probeChunk(jobs[1]!, { ...sinkDeps, sink })).toBe("done");
    expect(await db.check.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "done" });
    expect(await db.checkResult.count({ where: { checkId: id } })).toBe(6);
  });
});
