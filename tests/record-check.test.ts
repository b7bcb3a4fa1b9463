// A chunk's end is one SQL statement (lib/checks/record-check.ts): it counts the chunk once, stores the
// results it carries only then, and ends the check with its last unfinished run, as done when any run is
// done, else failed with the earliest run's failure. These run it against PostgreSQL directly.
import { afterAll, describe, expect, it } from "vitest";
import { getCheck } from "../lib/checks/get-check";
import { insertCheck } from "../lib/checks/insert-check";
import { recordChunkDone } from "../lib/checks/record-check";
import { newId } from "../lib/ids";
import type { CheckChunkDone } from "../lib/queue/probe-queues";
import { webContext } from "../lib/web-context";

const { db } = webContext();
afterAll(async () => {
  await webContext().redis.quit();
  await db.$disconnect();
});

async function newCheck(regions: string[], chunks = 1): Promise<string> {
  const id = newId();
  await insertCheck(db, {
    id, host: "127.0.0.2", ports: [22, 80], timeoutMs: 1000, clientKey: "test", protocol: "tcp", family: "v4", tls: "auto", verifyToken: null,
    regions, preset: null, createdAt: new Date(), failure: null, runs: regions.map((region) => ({ region, chunks, failure: null })),
  });
  return id;
}

function end(checkId: string, region: string, chunk: number, extra: Partial<CheckChunkDone> = {}): CheckChunkDone {
  return {
    kind: "check-chunk-done", checkId, region, probe: "tcp", withOwnership: false, chunk,
    addresses: [{ address: "127.0.0.2", family: 4 }], failure: null,
    results: [
      { port: 22, address: "127.0.0.2", family: 4, verdict: { state: "open", reason: "syn-ack", latencyMs: 0.4, errorCode: null, banner: { service: "ssh", text: "SSH-2.0-test" } as never } },
      { port: 80, address: "127.0.0.2", family: 4, verdict: { state: "open|filtered", reason: "no-response", latencyMs: null, errorCode: null } },
    ],
    ...extra,
  };
}

const failed = (code: string) => ({ addresses: null, results: [], failure: { code, message: `${code} here` } });

describe("a chunk's end in one statement", () => {
  it("takes a quick check from queued to done, with its results, its start and its end", async () => {
    const id = await newCheck(["local"]);
    expect(await recordChunkDone(db, end(id, "local", 0))).toBe(true);
    const check = (await getCheck(db, id))!;
    expect(check.status).toBe("done");
    expect(check.startedAt).not.toBeNull();
    expect(check.finishedAt).not.toBeNull();
    expect(check.regions[0]).toMatchObject({ region: "local", status: "done", addresses: [{ address: "127.0.0.2", family: 4 }] });
    expect(check.results.map((result) => [result.port, result.state, result.reason, result.latencyMs])).toEqual([
      [22, "open", "syn-ack", 0.4],
      [80, "open|filtered", "no-response", null],
    ]);
    expect(check.results[0]!.banner).toEqual({ service: "ssh", text: "SSH-2.0-test" });
    // Delivered again: nothing changes, nothing is stored twice.
    expect(await recordChunkDone(db, end(id, "local", 0))).toBe(false);
    expect(await db.checkResult.count({ where: { checkId: id } })).toBe(2);
  });

  it("ends the check only with its last chunk and its last region, done when any region is done", async () => {
    const id = await newCheck(["east", "west"], 2);
    expect(await recordChunkDone(db, end(id, "east", 0, { results: [] }))).toBe(false);
    // A quick chunk never said it started: its end moves the check from queued to running.
    const halfway = (await getCheck(db, id))!;
    expect(halfway.regions.find((run) => run.region === "east")!.status).toBe("running");
    expect([halfway.status, halfway.startedAt === null]).toEqual(["running", false]);
    expect(await recordChunkDone(db, end(id, "east", 1, failed("dns_failed")))).toBe(false);
    expect(await recordChunkDone(db, end(id, "west", 0))).toBe(false);
    expect(await recordChunkDone(db, end(id, "west", 1, { results: [] }))).toBe(true);
    const check = (await getCheck(db, id))!;
    expect(check.status).toBe("done");
    expect(check.error).toBeNull();
    expect(check.regions.map((run) => [run.region, run.status, run.error?.code ?? null])).toEqual([
      ["east", "failed", "dns_failed"],
      ["west", "done", null],
    ]);
  });

  it("ends a check whose regions all end at the same moment (each statement sees the others running)", async () => {
    // Three regions' last chunks on three connections at once, many times: without the second look, the
    // statements overlap, each sees the others still running, and the check stays unfinished for ever.
    const regions = ["east", "south", "west"];
    const ids = await Promise.all(Array.from({ length: 30 }, () => newCheck(regions)));
    const answers = await Promise.all(ids.map((id) => Promise.all(regions.map((region) => recordChunkDone(db, end(id, region, 0))))));
    for (const [index, id] of ids.entries()) {
      const check = (await getCheck(db, id))!;
      expect([check.status, check.startedAt === null], id).toEqual(["done", false]);
      // The check ended once: exactly one of its chunk ends says so.
      expect(answers[index]!.filter(Boolean), id).toHaveLength(1);
    }
  });

  it("ends the check when a chunk end is delivered again after its second look failed", async () => {
    // Every run ended, the check did not (the statement that would have ended it never ran): the retried
    // chunk end counts nothing and stores nothing, and asks again.
    const id = await newCheck(["east", "west"]);
    for (const region of ["east", "west"]) {
      await db.checkRun.update({ where: { checkId_region: { checkId: id, region } }, data: { status: "done", finishedChunks: [0], finishedAt: new Date() } });
    }
    expect((await getCheck(db, id))!.status).toBe("queued");
    expect(await recordChunkDone(db, end(id, "west", 0))).toBe(true);
    expect((await getCheck(db, id))!.status).toBe("done");
    expect(await db.checkResult.count({ where: { checkId: id } })).toBe(0);
  });

  it("fails the check with the earliest region's failure when every region failed", async () => {
    const id = await newCheck(["east", "west"]);
    expect(await recordChunkDone(db, end(id, "west", 0, failed("rate_limited")))).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await recordChunkDone(db, end(id, "east", 0, failed("dns_failed")))).toBe(true);
    const check = (await getCheck(db, id))!;
    expect(check.status).toBe("failed");
    expect(check.error).toEqual({ code: "rate_limited", message: "rate_limited here" });
  });

  it("stores nothing for a run already ended (its region was declared unavailable)", async () => {
    const id = await newCheck(["east", "west"]);
    await db.checkRun.update({ where: { checkId_region: { checkId: id, region: "east" } }, data: { status: "failed", errorCode: "region_unavailable", finishedAt: new Date() } });
    expect(await recordChunkDone(db, end(id, "east", 0))).toBe(false);
    expect(await db.checkResult.count({ where: { checkId: id } })).toBe(0);
    expect(await recordChunkDone(db, end(id, "west", 0))).toBe(true);
    expect((await getCheck(db, id))!.status).toBe("done");
  });
});
