// One scenario for both dependencies (Redis, PostgreSQL): monitors running and checks in flight, the service
// killed, the API sampled during the outage (every answer bounded and timed), the service started again on the
// same address, and then everything must recover without restarting the web or the worker: the API, every
// check, every monitor's schedule. Returns what was measured.
import { expect } from "vitest";
import { GET as getCheckRoute } from "../../app/api/v1/checks/[id]/route";
import { POST as postCheck } from "../../app/api/v1/checks/route";
import { GET as getMonitorRoute } from "../../app/api/v1/monitors/[id]/route";
import { POST as postMonitor } from "../../app/api/v1/monitors/route";
import { GET as getReady } from "../../app/api/ready/route";
import { webContext } from "../../lib/web-context";
import { asAccount, signUp } from "../helpers/accounts";
import { newPeer, params, request } from "../helpers/api";
import { fetchCheck, startCheck } from "../helpers/check-client";
import { closedPort, filteredPort, greetingPort } from "../helpers/listeners";
import { startWorker, type WorkerProcess } from "../helpers/worker-process";
import { seconds, sleep, timed, waitUntil } from "./figures";

const MONITORS = 5;
const CHECKS = 20;
const OUTAGE_MS = 8000;
/** No request may take longer than this during the outage (the figures say how long they really took). */
const ANSWER_LIMIT_MS = 10_000;

export interface Fault {
  name: string;
  kill(): Promise<void>;
  start(): Promise<void>;
}

interface Sample {
  call: string;
  status: number;
  ms: number;
  problem: string | null;
}

export async function runRestartScenario(fault: Fault, cleanups: (() => unknown)[]): Promise<Record<string, unknown>> {
  const context = webContext();
  const greeting = await greetingPort();
  const filtered = [await filteredPort(), await filteredPort()];
  cleanups.push(() => greeting.close(), () => filtered.forEach((port) => port.close()));
  const closed = await closedPort();
  const worker: WorkerProcess = await startWorker();
  cleanups.push(() => worker.stop("SIGKILL"));

  // Monitors every 2 s, running before the fault.
  const account = await signUp(`${fault.name}-monitors`);
  const monitorIds: string[] = [];
  for (let i = 0; i < MONITORS; i++) {
    const body = { name: `Monitor ${i}`, host: "127.0.0.2", port: greeting.port, intervalSeconds: 2, timeoutMs: 1000, emailAlerts: false };
    const response = await postMonitor(asAccount(account, "/api/v1/monitors", { body }), params({}));
    expect(response.status).toBe(201);
    monitorIds.push((await response.json()).id);
  }
  const runsOf = (id: string, since: Date) => context.db.monitorResult.count({ where: { monitorId: id, checkedAt: { gt: since } } });
  for (const id of monitorIds) await waitUntil(() => runsOf(id, new Date(0)), (count) => count >= 1, `monitor ${id}'s first run`, 30_000);

  // Checks in flight: each waits 3 s on two filtered ports.
  const ports = [greeting.port, closed, filtered[0]!.port, filtered[1]!.port];
  const expected = ["open", "closed", "filtered", "filtered"];
  const checkIds: string[] = [];
  for (let i = 0; i < CHECKS; i++) checkIds.push((await startCheck({ host: "127.0.0.2", ports, timeoutMs: 3000, tls: false })).id);
  const inFlightAtFault = await context.db.checkRun.count({ where: { checkId: { in: checkIds }, status: { in: ["queued", "running"] } } });

  await fault.kill();
  const killedAt = Date.now();
  const calls: Record<string, () => Promise<Response>> = {
    "POST /api/v1/checks": () => postCheck(request("/api/v1/checks", { body: { host: "127.0.0.2", ports: [closed] }, peer: newPeer() }), params({})),
    "GET /api/v1/checks/{id}": () => getCheckRoute(request(`/api/v1/checks/${checkIds[0]}`), params({ id: checkIds[0] })),
    "GET /api/v1/monitors/{id}": () => getMonitorRoute(asAccount(account, `/api/v1/monitors/${monitorIds[0]}`), params({ id: monitorIds[0] })),
    "GET /api/ready": () => getReady(),
  };
  const samples: Sample[] = [];
  while (Date.now() - killedAt < OUTAGE_MS) {
    const round = Object.entries(calls).map(async ([call, send]) => {
      const { value: response, ms } = await timed(send, ANSWER_LIMIT_MS);
      const isProblem = response.headers.get("content-type") === "application/problem+json";
      samples.push({ call, status: response.status, ms, problem: isProblem ? (await response.json()).code : null });
    });
    await Promise.all(round);
    await sleep(250);
  }
  await fault.start();
  const restoredAt = Date.now();
  const restoredDate = new Date();

  // The API recovers by itself: the first 202 after the restart.
  await waitUntil(
    async () => (await postCheck(request("/api/v1/checks", { body: { host: "127.0.0.2", ports: [closed] }, peer: newPeer() }), params({}))).status,
    (status) => status === 202,
    "POST /api/v1/checks to answer 202 again",
    30_000,
    100,
  );
  const apiBackAt = Date.now();

  // Every check in flight completes with every verdict.
  await waitUntil(
    () => context.db.checkRun.count({ where: { checkId: { in: checkIds }, status: { in: ["queued", "running"] } } }),
    (count) => count === 0,
    "every check in flight to finish",
    90_000,
    250,
  );
  const lastFinish = await context.db.checkRun.aggregate({ where: { checkId: { in: checkIds } }, _max: { finishedAt: true } });
  const checksDoneAt = lastFinish._max.finishedAt!.getTime();
  for (const id of checkIds) {
    const check = await fetchCheck(id);
    expect(check.status).toBe("done");
    expect(Object.fromEntries(check.results.map((result) => [result.port, result.state]))).toEqual(Object.fromEntries(ports.map((port, i) => [port, expected[i]])));
  }
  expect(await context.db.checkResult.count({ where: { checkId: { in: checkIds } } })).toBe(CHECKS * ports.length);

  // Every monitor runs again, and keeps running on its schedule (two runs after the restart).
  for (const id of monitorIds) await waitUntil(() => runsOf(id, restoredDate), (count) => count >= 2, `monitor ${id} to run again, twice`, 60_000, 250);
  const runsAfter = await context.db.monitorResult.findMany({ where: { monitorId: { in: monitorIds }, checkedAt: { gt: restoredDate } }, select: { monitorId: true, checkedAt: true }, orderBy: { checkedAt: "asc" } });
  const firstRunAfter = monitorIds.map((id) => runsAfter.find((run) => run.monitorId === id)!.checkedAt.getTime() - restoredAt);
  const monitorsBackAt = Math.max(...monitorIds.map((id) => runsAfter.filter((run) => run.monitorId === id)[1]!.checkedAt.getTime()));
  // Each scheduled slot is recorded at most once, however often its job was retried across the outage.
  const slots = await context.db.monitorResult.findMany({ where: { monitorId: { in: monitorIds } }, select: { monitorId: true, scheduledAt: true } });
  expect(new Set(slots.map((slot) => `${slot.monitorId}@${slot.scheduledAt.toISOString()}`)).size).toBe(slots.length);
  const perMonitor = monitorIds.map((id) => runsAfter.filter((run) => run.monitorId === id).map((run) => run.checkedAt.getTime()));

  // Nobody was restarted.
  expect(worker.child.exitCode).toBeNull();
  expect(worker.child.signalCode).toBeNull();

  // During the outage the API said so, and no request hung.
  expect(samples.length).toBeGreaterThan(0);
  for (const sample of samples) {
    expect(sample.ms).toBeLessThan(ANSWER_LIMIT_MS);
    if (sample.status !== 200) expect(sample).toMatchObject({ status: 503, problem: sample.call === "GET /api/ready" ? null : "service_unavailable" });
  }
  const posts = samples.filter((sample) => sample.call === "POST /api/v1/checks");
  expect(posts.every((sample) => sample.status === 503 && sample.problem === "service_unavailable")).toBe(true);
  expect(samples.filter((sample) => sample.call === "GET /api/ready").every((sample) => sample.status === 503)).toBe(true);

  const byCall = Object.fromEntries(
    Object.keys(calls).map((call) => {
      const mine = samples.filter((sample) => sample.call === call);
      const statuses = [...new Set(mine.map((sample) => sample.status))].join("/");
      return [call, { requests: mine.length, statuses, longestMs: Math.max(...mine.map((sample) => sample.ms)), medianMs: median(mine.map((sample) => sample.ms)) }];
    }),
  );
  return {
    monitors: MONITORS,
    checksInFlightAtFault: inFlightAtFault,
    outageSeconds: seconds(restoredAt - killedAt),
    duringOutage: byCall,
    longestRequestMsDuringOutage: Math.max(...samples.map((sample) => sample.ms)),
    secondsFromRestartToApi202: seconds(apiBackAt - restoredAt),
    secondsFromRestartToAllChecksDone: seconds(checksDoneAt - restoredAt),
    secondsFromRestartToEachMonitorsFirstRun: firstRunAfter.map(seconds),
    secondsFromRestartToTwoRunsOfEveryMonitor: seconds(monitorsBackAt - restoredAt),
    secondsBetweenTheFirstTwoRunsAfterRestart: perMonitor.map((runs) => seconds(runs[1]! - runs[0]!)),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}
