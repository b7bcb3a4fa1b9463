// Fault: the web process restarted (killed with SIGKILL mid-check, started again on the same port). The
// real server (server.ts, in development mode so that no build is needed) takes the checks over HTTP; the
// checks in flight are the worker's business and finish unaffected, readable through the new web process.
import { afterAll, expect, it } from "vitest";
import { webContext } from "../../lib/web-context";
import { closedPort, filteredPort, greetingPort } from "../helpers/listeners";
import { freePort } from "../helpers/redis-server-process";
import { startWeb, type WebProcess } from "../helpers/web-process";
import { startWorker, type WorkerProcess } from "../helpers/worker-process";
import { recordFigures, seconds, timed, waitUntil } from "./figures";

const CHECKS = 10;
const context = webContext();
const cleanups: (() => unknown)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  context.redis.disconnect();
  await context.db.$disconnect();
});

async function api(web: WebProcess, path: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const { value } = await timed(async () => {
    const response = await fetch(`${web.url}${path}`, body === undefined ? {} : { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  }, 90_000);
  return value;
}

it("finishes the checks in flight while the web process is killed and started again", async () => {
  const greeting = await greetingPort();
  const filtered = [await filteredPort(), await filteredPort()];
  cleanups.push(() => greeting.close(), () => filtered.forEach((port) => port.close()));
  const ports = [greeting.port, await closedPort(), filtered[0]!.port, filtered[1]!.port];
  const expected = Object.fromEntries(ports.map((port, i) => [port, ["open", "closed", "filtered", "filtered"][i]]));

  const worker: WorkerProcess = await startWorker();
  cleanups.push(() => worker.stop("SIGKILL"));
  const port = await freePort();
  let web = await startWeb(port, "development");
  cleanups.push(() => web.stop("SIGKILL"));
  // The first request compiles the routes; the checks must not wait for that.
  await waitUntil(() => api(web, "/api/ready"), (answer) => answer.status === 200, "the web to be ready", 120_000, 500);
  const warm = await api(web, "/api/v1/checks", { host: "127.0.0.2", ports: [ports[1]], tls: false });
  expect(warm.status).toBe(202);
  await api(web, `/api/v1/checks/${warm.json.id}`);

  // Each check waits 4 s on two filtered ports.
  const ids: string[] = [];
  for (let i = 0; i < CHECKS; i++) {
    const created = await api(web, "/api/v1/checks", { host: "127.0.0.2", ports, timeoutMs: 4000, tls: false });
    expect(created.status).toBe(202);
    ids.push(String(created.json.id));
  }
  const unfinished = () => context.db.checkRun.count({ where: { checkId: { in: ids }, status: { in: ["queued", "running"] } } });
  const inFlight = await unfinished();
  expect(inFlight).toBeGreaterThan(0);

  expect(await web.stop("SIGKILL")).toBe("SIGKILL");
  const killedAt = Date.now();
  web = await startWeb(port, "development");
  const readyAt = Date.now();
  const finishedWhileDown = inFlight - (await unfinished());

  const views = [];
  for (const id of ids) views.push((await waitUntil(() => api(web, `/api/v1/checks/${id}`), (answer) => answer.json.status === "done" || answer.json.status === "failed", `check ${id}`, 60_000, 250)).json);
  const lastFinish = await context.db.checkRun.aggregate({ where: { checkId: { in: ids } }, _max: { finishedAt: true } });
  for (const view of views) {
    expect(view.status).toBe("done");
    const results = view.results as { port: number; state: string }[];
    expect(Object.fromEntries(results.map((result) => [result.port, result.state]))).toEqual(expected);
  }
  expect(await context.db.checkResult.count({ where: { checkId: { in: ids } } })).toBe(CHECKS * ports.length);
  expect(worker.child.exitCode).toBeNull();

  recordFigures("web-restart", {
    how: "server.ts (NODE_ENV=development, no build) killed with SIGKILL, started again on the same port",
    checks: CHECKS,
    checksInFlightAtKill: inFlight,
    checksFinishedWhileWebWasDown: finishedWhileDown,
    secondsToStartTheNewWebProcess: seconds(readyAt - killedAt),
    secondsFromKillToLastCheckFinished: seconds(lastFinish._max.finishedAt!.getTime() - killedAt),
  });
}, 300_000);
