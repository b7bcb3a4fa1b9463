// The worker's job in-process, with an injected resolver: DNS rebinding, refusals, idempotence.
import ipaddr from "ipaddr.js";
import pino from "pino";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { newId as newCheckId } from "../lib/ids";
import { runCheck } from "../lib/checks/run-check";
import { runInProcess } from "../lib/probes/registry";
import { createDb } from "../lib/db";
import { consume, createLimiters } from "../lib/limits/rate-limits";
import { createProducerRedis } from "../lib/redis";
import { TargetError } from "../lib/targets/errors";
import type { Resolver } from "../lib/targets/resolve-target";
import { closedPort, type OpenPort, openPort } from "./helpers/listeners";

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

async function newCheck(host: string, ports: number[]): Promise<string> {
  const id = newCheckId();
  await db.check.create({ data: { id, host, ports, timeoutMs: 1000 } });
  return id;
}

function deps(resolver?: Resolver) {
  return { db, limiters, rules: { allowlist }, resolver, runner: runInProcess, parallelism: 4, isFinalAttempt: false, log };
}

async function listener(host = "127.0.0.2", port = 0): Promise<OpenPort> {
  const open = await openPort(host, port);
  cleanups.push(() => open.close());
  return open;
}

describe("runCheck", () => {
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
    const error = await runCheck(id, deps(resolver)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TargetError);
    expect((error as TargetError).code).toBe("target_forbidden");
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
    expect(await runCheck(id, { ...deps(resolver), isFinalAttempt: true })).toBe("failed");
    expect((await db.check.findUniqueOrThrow({ where: { id } })).errorCode).toBe("dns_failed");
  });

  it("is idempotent: running a finished check again changes nothing", async () => {
    const open = await listener();
    const id = await newCheck("127.0.0.2", [open.port]);
    expect(await runCheck(id, deps())).toBe("done");
    const first = await db.check.findUniqueOrThrow({ where: { id }, include: { results: true } });
    expect(await runCheck(id, deps())).toBe("skipped");
    const second = await db.check.findUniqueOrThrow({ where: { id }, include: { results: true } });
    expect(second).toEqual(first);
    expect(open.connections).toHaveLength(1);
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

  it("skips a check that no longer exists", async () => {
    expect(await runCheck(newCheckId(), deps())).toBe("skipped");
  });
});
