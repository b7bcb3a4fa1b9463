// Fault: a worker killed with SIGKILL in the middle of 500 checks. Another worker starts; every check
// completes, no verdict is missing, none is written twice, and those written before the kill stay as they were.
import pLimit from "p-limit";
import { afterAll, expect, it } from "vitest";
import { webContext } from "../../lib/web-context";
import { fetchCheck, startCheck } from "../helpers/check-client";
import { closedPort, filteredPort, greetingPort } from "../helpers/listeners";
import { startWorker, type WorkerProcess } from "../helpers/worker-process";
import { recordFigures, seconds, waitUntil } from "./figures";

const CHECKS = 500;
const context = webContext();
const workers: WorkerProcess[] = [];
const cleanups: (() => unknown)[] = [];

afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.stop("SIGKILL")));
  for (const cleanup of cleanups) await cleanup();
  await context.probeQueue("local").obliterate({ force: true });
  await context.probeQueue("local").close();
  await context.redis.quit();
  await context.db.$disconnect();
});

it("finishes all 500 checks after the worker running them is SIGKILLed, each verdict written once", async () => {
  // Three open ports, a closed one and two filtered ones (1 s each): the work takes long enough to be cut.
  const open = await Promise.all([greetingPort(), greetingPort(), greetingPort()]);
  const filtered = await Promise.all([filteredPort(), filteredPort()]);
  cleanups.push(...open.map((listener) => () => listener.close()), ...filtered.map((listener) => () => listener.close()));
  const closed = await closedPort();
  const expected = new Map<number, string>([...open.map((listener) => [listener.port, "open"] as const), [closed, "closed"], ...filtered.map((listener) => [listener.port, "filtered"] as const)]);
  // Four answering ports to one silent one; no TLS attempt, and the open ones greet at once.
  const ports = [...open.map((listener) => listener.port), closed, filtered[0]!.port, ...open.map((listener) => listener.port), closed, filtered[1]!.port];

  // One worker, two jobs at a time: the 100 filtered ports alone keep it busy for about 50 s.
  const first = await startWorker({ WORKER_CONCURRENCY: "2" });
  workers.push(first);
  const startedAt = Date.now();
  const limit = pLimit(8);
  const ids = await Promise.all(
    Array.from({ length: CHECKS }, (_, i) => limit(async () => (await startCheck({ host: "127.0.0.2", ports: [ports[i % ports.length]], timeoutMs: 1000, tls: false })).id)),
  );
  const createMs = Date.now() - startedAt;
  expect(new Set(ids).size).toBe(CHECKS);
  const portOf = new Map(ids.map((id, i) => [id, ports[i % ports.length]!]));

  const resultCount = () => context.db.checkResult.count({ where: { checkId: { in: ids } } });
  await waitUntil(resultCount, (count) => count >= CHECKS * 0.3, "the first 30% of verdicts", 90_000, 50).catch((error: Error) => {
    throw new Error(`${error.message}\nworker:\n${first.logs.slice(-30).join("\n")}`);
  });
  expect(await first.stop("SIGKILL")).toBe("SIGKILL");
  const killedAt = Date.now();

  const before = await context.db.checkResult.findMany({ where: { checkId: { in: ids } }, select: { checkId: true, port: true, state: true, checkedAt: true } });
  const activeAtKill = await context.probeQueue("local", "fast").getActiveCount();
  const unfinishedAtKill = await context.db.checkRun.count({ where: { checkId: { in: ids }, status: { in: ["queued", "running"] } } });
  expect(before.length).toBeLessThan(CHECKS);
  expect(unfinishedAtKill).toBeGreaterThan(0);

  const second = await startWorker({ WORKER_CONCURRENCY: "4" });
  workers.push(second);
  const secondAt = Date.now();
  const unfinished = () => context.db.checkRun.count({ where: { checkId: { in: ids }, status: { in: ["queued", "running"] } } });
  await waitUntil(unfinished, (count) => count === 0, "every check to finish", 150_000, 250).catch(async (error: Error) => {
    const counts = await context.probeQueue("local", "fast").getJobCounts();
    throw new Error(`${error.message}\nqueue: ${JSON.stringify(counts)}\nbefore kill: ${before.length}\nworker:\n${second.logs.slice(-40).join("\n")}`);
  });
  const allDoneAt = Date.now();

  // Through the API, as a client polling them would see them.
  const views = await Promise.all(ids.map((id) => limit(() => fetchCheck(id))));
  for (const view of views) {
    expect(view.status).toBe("done");
    expect(view.results).toHaveLength(1);
    expect(view.results[0]).toMatchObject({ port: portOf.get(view.id), state: expected.get(portOf.get(view.id)!) });
  }
  const rows = await context.db.checkResult.findMany({ where: { checkId: { in: ids } }, select: { checkId: true, port: true, state: true, checkedAt: true } });
  expect(rows).toHaveLength(CHECKS);
  expect(new Set(rows.map((row) => row.checkId)).size).toBe(CHECKS);
  const after = new Map(rows.map((row) => [row.checkId, row]));
  for (const earlier of before) {
    // Written once: a verdict recorded before the kill was not written again by the second worker.
    expect(after.get(earlier.checkId)!.checkedAt?.getTime()).toBe(earlier.checkedAt?.getTime());
    expect(after.get(earlier.checkId)!.state).toBe(earlier.state);
  }

  recordFigures("worker-kill", {
    checks: CHECKS,
    secondsToCreate: seconds(createMs),
    verdictsBeforeKill: before.length,
    checksUnfinishedAtKill: unfinishedAtKill,
    jobsActiveAtKill: activeAtKill,
    secondsFromFirstWorkerStartToKill: seconds(killedAt - startedAt),
    secondsFromKillToAllDone: seconds(allDoneAt - killedAt),
    secondsFromSecondWorkerStartToAllDone: seconds(allDoneAt - secondAt),
    verdictsFinal: rows.length,
  });
}, 300_000);
