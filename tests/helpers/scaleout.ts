// What the Redis scale-out tests prove, whichever Redis they point at (TLS with a password, or a
// Cluster): a worker and the web talk through it, a check runs end to end, and a monitor is scheduled,
// probed and recorded. The test file sets REDIS_URL (and friends) before anything reads the configuration.
import { afterAll, beforeAll, expect } from "vitest";
import { GET as getMonitorRoute } from "../../app/api/v1/monitors/[id]/route";
import { POST as postMonitor } from "../../app/api/v1/monitors/route";
import { asAccount, signUp } from "./accounts";
import { params } from "./api";
import { closeWebContext, runCheckThrough } from "./check-client";
import { startWorker, type WorkerProcess } from "./worker-process";
import { closedPort, openPort } from "./listeners";

export async function checkAndMonitorThroughRedis(): Promise<void> {
  const open = await openPort();
  const closed = await closedPort();
  try {
    const check = await runCheckThrough({ host: "127.0.0.2", ports: [open.port, closed], family: "4" }, 30_000);
    expect(check.status).toBe("done");
    expect(check.results.map((result) => [result.port, result.state])).toEqual(
      [
        [open.port, "open"],
        [closed, "closed"],
      ].sort((a, b) => Number(a[0]) - Number(b[0])),
    );

    const account = await signUp("scaleout");
    const response = await postMonitor(asAccount(account, "/api/v1/monitors", { body: { name: "through redis", host: "127.0.0.2", port: open.port, intervalSeconds: 1, confirmations: 1, emailAlerts: false } }), params({}));
    expect(response.status).toBe(201);
    const { id } = await response.json();
    const deadline = Date.now() + 30_000;
    for (;;) {
      const view = await (await getMonitorRoute(asAccount(account, `/api/v1/monitors/${id}`), params({ id }))).json();
      if (view.state === "up") break;
      if (Date.now() > deadline) throw new Error(`monitor still ${view.state}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await open.close();
  }
}

/** A worker (inheriting this process's Redis settings) for the suite; then the web's clients and the Redis servers are closed. */
export function workerDuringSuite(stopRedis: () => Promise<void>): void {
  let worker: WorkerProcess | undefined;
  beforeAll(async () => {
    worker = await startWorker();
  }, 60_000);
  afterAll(async () => {
    await worker?.stop("SIGKILL");
    await closeWebContext();
    await stopRedis();
  });
}
