// Waiting for a check and following it live, with the real worker: GET ?wait=N answers as soon as the
// check ends (woken by the worker's notification, not by polling), or after N seconds with the state so
// far; the event stream sends each verdict as it lands, then `done`.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { GET as streamRoute } from "../app/api/v1/checks/[id]/events/route";
import { GET as getCheckRoute } from "../app/api/v1/checks/[id]/route";
import { webContext } from "../lib/web-context";
import { params, problem, request } from "./helpers/api";
import { startCheck } from "./helpers/check-client";
import { closedPort, filteredPort, openPort } from "./helpers/listeners";
import { startWorker, type WorkerProcess } from "./helpers/worker-process";

const context = webContext();
const workers: WorkerProcess[] = [];
const cleanups: (() => unknown)[] = [];

afterEach(async () => {
  await Promise.all(workers.splice(0).map((worker) => worker.stop("SIGKILL")));
  while (cleanups.length) await cleanups.pop()!();
});
afterAll(async () => {
  await context.checkEvents.close();
  await context.probeQueue("local").close();
  await context.redis.quit();
  await context.db.$disconnect();
});

async function readEvents(response: Response): Promise<{ event: string; data: unknown }[]> {
  const text = await response.text();
  return text
    .split("\n\n")
    .map((block) => ({ event: /^event: (.+)$/m.exec(block)?.[1], data: /^data: (.+)$/m.exec(block)?.[1] }))
    .filter((item): item is { event: string; data: string } => Boolean(item.event && item.data))
    .map((item) => ({ event: item.event, data: JSON.parse(item.data) }));
}

describe("waiting for a check", () => {
  it("?wait=N answers as soon as the check is done, with its verdicts", async () => {
    const open = await openPort();
    cleanups.push(() => open.close());
    workers.push(await startWorker());
    const check = await startCheck({ host: "127.0.0.2", ports: [open.port, await closedPort()], timeoutMs: 1000 });
    const started = Date.now();
    const response = await getCheckRoute(request(`/api/v1/checks/${check.id}?wait=25`), params({ id: check.id }));
    const waited = Date.now() - started;
    const body = await response.json();
    expect(body.status).toBe("done");
    expect(body.results.map((result: { state: string }) => result.state).sort()).toEqual(["closed", "open"]);
    // Woken by the worker, long before the 25 s wait was over.
    expect(waited).toBeLessThan(20_000);
  }, 40_000);

  it("?wait=N answers after N seconds with the state so far when the check takes longer", async () => {
    const silent = await filteredPort();
    cleanups.push(() => silent.close());
    const check = await startCheck({ host: "127.0.0.2", ports: [silent.port], timeoutMs: 5000 });
    // No worker yet: the check stays queued, so the wait runs out.
    const started = Date.now();
    const body = await (await getCheckRoute(request(`/api/v1/checks/${check.id}?wait=1`), params({ id: check.id }))).json();
    expect(body.status).toBe("queued");
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it("refuses a wait over 30 seconds", async () => {
    const check = await startCheck({ host: "127.0.0.2", ports: [22] });
    const response = await getCheckRoute(request(`/api/v1/checks/${check.id}?wait=31`), params({ id: check.id }));
    expect(response.status).toBe(400);
    expect((await problem(response)).errors?.[0]?.path).toBe("wait");
  });
});

describe("the event stream", () => {
  it("sends each verdict as a result event, then done with the whole check", async () => {
    const open = await openPort();
    cleanups.push(() => open.close());
    const closed = await closedPort();
    const check = await startCheck({ host: "127.0.0.2", ports: [open.port, closed], timeoutMs: 1000 });
    const response = await streamRoute(request(`/api/v1/checks/${check.id}/events`), params({ id: check.id }));
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    workers.push(await startWorker());
    const events = await readEvents(response);
    const results = events.filter((item) => item.event === "result").map((item) => item.data as { port: number; state: string });
    expect(results.map((result) => `${result.port}:${result.state}`).sort()).toEqual([`${closed}:closed`, `${open.port}:open`].sort());
    expect(events.at(-1)).toMatchObject({ event: "done", data: { id: check.id, status: "done" } });
  }, 40_000);

  it("is 404 problem+json for an unknown check", async () => {
    const response = await streamRoute(request("/api/v1/checks/AAAAAAAAAAAAAAAAAAAAAA/events"), params({ id: "AAAAAAAAAAAAAAAAAAAAAA" }));
    expect(response.status).toBe(404);
    expect((await problem(response)).code).toBe("not_found");
  });
});
