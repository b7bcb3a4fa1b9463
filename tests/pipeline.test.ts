// End to end below the browser: API -> Redis -> worker process -> PostgreSQL -> API, with real sockets.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { newId as newCheckId } from "../lib/ids";
import { webContext } from "../lib/web-context";
import { fetchCheck, startCheck, waitFinished } from "./helpers/check-client";
import { closedPort, type FilteredPort, filteredPort, type OpenPort, openPort } from "./helpers/listeners";
import { startWorker, type WorkerProcess } from "./helpers/worker-process";

const context = webContext();
const cleanups: (() => unknown)[] = [];
const workers: WorkerProcess[] = [];

afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop("SIGKILL")));
  while (cleanups.length) await cleanups.pop()!();
});
afterAll(async () => {
  await context.probeQueue("local").obliterate({ force: true });
  await context.probeQueue("local").close();
  await context.redis.quit();
  await context.db.$disconnect();
});

async function listeners(): Promise<{ open: OpenPort; closed: number; filtered: FilteredPort }> {
  const open = await openPort();
  const filtered = await filteredPort();
  cleanups.push(() => open.close(), () => filtered.close());
  return { open, closed: await closedPort(), filtered };
}

async function create(body: Record<string, unknown>): Promise<string> {
  return (await startCheck(body)).id;
}

async function waitFor(predicate: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("the check pipeline", () => {
  it("checks open, closed and filtered ports on 127.0.0.2 and reports each verdict", async () => {
    const { open, closed, filtered } = await listeners();
    workers.push(await startWorker());
    const id = await create({ host: "127.0.0.2", ports: [open.port, closed, filtered.port], timeoutMs: 800 });
    const check = await waitFinished(id);
    expect(check.status).toBe("done");
    expect(check.error).toBeNull();
    expect(check.finishedAt).not.toBeNull();
    const byPort = new Map(check.results.map((result) => [result.port, result]));
    expect(byPort.get(open.port)).toMatchObject({ state: "open", address: "127.0.0.2", errorCode: null });
    expect(byPort.get(open.port)!.latencyMs).toBeGreaterThan(0);
    expect(byPort.get(closed)).toMatchObject({ state: "closed", address: "127.0.0.2" });
    expect(byPort.get(closed)!.latencyMs).toBeGreaterThan(0);
    expect(byPort.get(filtered.port)).toMatchObject({ state: "filtered", address: "127.0.0.2", latencyMs: null });
    for (const result of check.results) expect(result.checkedAt).not.toBeNull();
    expect(open.connections.length).toBe(1);
  });

  it("survives a worker killed mid-check: the next worker finishes it, no result lost or doubled", async () => {
    const { open, closed } = await listeners();
    const blackholes = await Promise.all([filteredPort(), filteredPort(), filteredPort(), filteredPort()]);
    cleanups.push(() => blackholes.forEach((blackhole) => blackhole.close()));
    const ports = [open.port, closed, ...blackholes.map((blackhole) => blackhole.port)];
    // One probe at a time: the filtered ports take 2 s each, so the check is surely mid-way when killed.
    const first = await startWorker({ PROBE_PARALLELISM: "1" });
    workers.push(first);
    const id = await create({ host: "127.0.0.2", ports, timeoutMs: 2000 });
    await waitFor(
      async () => (await context.db.checkResult.count({ where: { checkId: id } })) >= 2,
      "the first verdicts",
    );
    expect(await first.stop("SIGKILL")).toBe("SIGKILL");
    const before = await context.db.checkResult.findMany({ where: { checkId: id } });
    expect(before.length).toBeLessThan(ports.length);

    workers.push(await startWorker({ PROBE_PARALLELISM: "4" }));
    // BullMQ notices the dead worker's job after its lock expires (up to two 15 s stall checks), then the chunk runs again.
    const check = await waitFinished(id, 110_000);
    expect(check.status).toBe("done");
    const rows = await context.db.checkResult.findMany({ where: { checkId: id } });
    expect(rows).toHaveLength(ports.length);
    expect(new Set(rows.map((row) => row.port)).size).toBe(ports.length);
    // Verdicts written before the kill were kept as they were (first write wins).
    for (const earlier of before) {
      const now = rows.find((row) => row.port === earlier.port)!;
      expect(now.state).toBe(earlier.state);
      expect(now.checkedAt?.getTime()).toBe(earlier.checkedAt?.getTime());
    }
  }, 150_000);

  it("shuts down gracefully on SIGTERM and hands the unfinished check to the next worker", async () => {
    const blackholes = await Promise.all([filteredPort(), filteredPort(), filteredPort()]);
    cleanups.push(() => blackholes.forEach((blackhole) => blackhole.close()));
    const first = await startWorker({ PROBE_PARALLELISM: "1" });
    workers.push(first);
    const id = await create({ host: "127.0.0.2", ports: blackholes.map((blackhole) => blackhole.port), timeoutMs: 1500 });
    await waitFor(async () => (await fetchCheck(id)).status === "running", "the check to start");
    const stoppedAt = Date.now();
    expect(await first.stop("SIGTERM")).toBe(0);
    // The in-flight probe finishes (1.5 s), then the process exits; no new probe starts.
    expect(Date.now() - stoppedAt).toBeLessThan(15_000);
    expect(first.logs.some((line) => line.includes("handed back"))).toBe(true);
    const afterStop = await fetchCheck(id);
    expect(afterStop.status).toBe("running");
    expect(afterStop.results.filter((result) => result.state === "pending").length).toBeGreaterThan(0);

    const handedAt = Date.now();
    workers.push(await startWorker({ PROBE_PARALLELISM: "3" }));
    const check = await waitFinished(id);
    expect(check.results.map((result) => result.state)).toEqual(["filtered", "filtered", "filtered"]);
    // Handed back, not stalled: the next worker did not wait for a lock to expire.
    expect(Date.now() - handedAt).toBeLessThan(14_000);
  }, 60_000);

  it("re-enqueues, at worker start, a check whose job never reached Redis", async () => {
    const open = await openPort();
    cleanups.push(() => open.close());
    const id = newCheckId();
    await context.db.check.create({
      data: { id, host: "127.0.0.2", ports: [open.port], timeoutMs: 1000, runs: { create: { region: "local" } } },
    });
    workers.push(await startWorker());
    const check = await waitFinished(id);
    expect(check.results[0]).toMatchObject({ port: open.port, state: "open" });
  });
});
