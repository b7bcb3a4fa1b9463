// A check whose run was left unfinished (its jobs gave up during a long database outage) ends as failed
// at the next maintenance, instead of staying "running" forever; a check still within its time is left alone.
import { afterAll, describe, expect, it } from "vitest";
import { failStaleRuns, STALE_RUN_MESSAGE, STALE_RUN_MS } from "../lib/checks/fail-stale-runs";
import { getCheck } from "../lib/checks/get-check";
import { insertCheck } from "../lib/checks/insert-check";
import { newId } from "../lib/ids";
import { webContext } from "../lib/web-context";

const context = webContext();
afterAll(async () => {
  await context.redis.quit();
  await context.db.$disconnect();
});

async function storeCheck(createdAt: Date, regions: string[]): Promise<string> {
  const id = newId();
  await insertCheck(context.db, {
    id, host: "127.0.0.2", ports: [22], timeoutMs: 1000, clientKey: "198.18.9.9", protocol: "tcp", family: "both", tls: "auto",
    verifyToken: null, regions, preset: null, createdAt, failure: null, runs: regions.map((region) => ({ region, chunks: 1, failure: null })),
  });
  return id;
}

describe("failStaleRuns", () => {
  it("fails runs unfinished past the longest a check can take, and ends their checks; newer ones are left alone", async () => {
    const now = new Date();
    const stale = await storeCheck(new Date(now.getTime() - STALE_RUN_MS - 60_000), ["local", "eu-test"]);
    const fresh = await storeCheck(new Date(now.getTime() - STALE_RUN_MS + 60_000), ["local"]);
    const ended = await failStaleRuns(context.db, now);
    expect(ended).toContain(stale);
    expect(ended).not.toContain(fresh);
    const failed = await getCheck(context.db, stale);
    expect(failed?.status).toBe("failed");
    expect(failed?.regions.map((run) => [run.status, run.error?.code, run.error?.message])).toEqual([
      ["failed", "internal_error", STALE_RUN_MESSAGE],
      ["failed", "internal_error", STALE_RUN_MESSAGE],
    ]);
    expect((await getCheck(context.db, fresh))?.status).toBe("queued");
    // Once ended, a second sweep finds nothing more to do.
    expect(await failStaleRuns(context.db, now)).not.toContain(stale);
  });

  it("ends a check whose runs all ended without it (the statement that would have ended it failed)", async () => {
    const orphan = await storeCheck(new Date(Date.now() - 2 * 60_000), ["local", "eu-test"]);
    const recent = await storeCheck(new Date(), ["local"]);
    for (const [id, region] of [[orphan, "local"], [orphan, "eu-test"], [recent, "local"]] as const) {
      await context.db.checkRun.update({ where: { checkId_region: { checkId: id, region } }, data: { status: "done", startedAt: new Date(), finishedAt: new Date() } });
    }
    const ended = await failStaleRuns(context.db);
    expect(ended).toContain(orphan);
    // A check younger than a minute may still be ending in the ordinary way: left alone.
    expect(ended).not.toContain(recent);
    const check = await getCheck(context.db, orphan);
    expect([check?.status, check?.startedAt === null, check?.finishedAt === null]).toEqual(["done", false, false]);
    expect((await getCheck(context.db, recent))?.status).toBe("queued");
  });
});
