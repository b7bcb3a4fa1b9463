// One account's slow webhook receiver must not delay anyone else's alerts: at most two deliveries of an
// account are in flight at once, and the other slots serve other accounts.
import "./helpers/monitor-env";
import { once } from "node:events";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { POST as testAlert } from "../app/api/v1/monitors/[id]/test-alert/route";
import { POST as postMonitor } from "../app/api/v1/monitors/route";
import { webContext } from "../lib/web-context";
import { asAccount, signUp, type TestAccount } from "./helpers/accounts";
import { params } from "./helpers/api";
import { startWebhookReceiver } from "./helpers/webhook-receiver";
import { closeMonitorSuiteAfterAll } from "./helpers/monitor-suite";
import { startWorker, type WorkerProcess } from "./helpers/worker-process";

const context = webContext();
let worker: WorkerProcess | undefined;

/** A receiver that answers nothing until released, and remembers how many requests it held at once. */
async function startSlowReceiver() {
  const held: ServerResponse[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  let answered = 0;
  const server = createServer((request, response) => {
    request.resume();
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    held.push(response);
    response.on("close", () => inFlight--);
  });
  server.listen(0, "127.0.0.2");
  await once(server, "listening");
  return {
    url: `http://127.0.0.2:${(server.address() as AddressInfo).port}/slow`,
    stats: () => ({ held: held.length, maxInFlight, answered }),
    releaseAll() {
      for (const response of held.splice(0)) {
        response.writeHead(204).end();
        answered++;
      }
    },
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

async function hookedMonitor(account: TestAccount, url: string): Promise<string> {
  const response = await postMonitor(asAccount(account, "/api/v1/monitors", { body: { name: "Hooked", host: "127.0.0.2", port: 22, paused: true, emailAlerts: false, webhookUrl: url } }), params({}));
  return (await response.json()).id;
}

async function waitFor<T>(read: () => Promise<T> | T, accept: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

closeMonitorSuiteAfterAll(async () => worker?.stop("SIGKILL"));

describe("alert deliveries between accounts", () => {
  it("keep at most two of one account in flight, and deliver another account's alert while those wait", async () => {
    const slow = await startSlowReceiver();
    const fast = await startWebhookReceiver();
    const [patient, other] = await Promise.all([signUp("slow-receiver"), signUp("fast-receiver")]);
    const slowMonitor = await hookedMonitor(patient, slow.url);
    const fastMonitor = await hookedMonitor(other, fast.url);
    for (let i = 0; i < 6; i++) expect((await testAlert(asAccount(patient, `/api/v1/monitors/${slowMonitor}/test-alert`, { method: "POST" }), params({ id: slowMonitor }))).status).toBe(202);
    worker = await startWorker();
    await waitFor(() => slow.stats(), (stats) => stats.held >= 2, "the slow receiver to hold two deliveries");
    expect((await testAlert(asAccount(other, `/api/v1/monitors/${fastMonitor}/test-alert`, { method: "POST" }), params({ id: fastMonitor }))).status).toBe(202);

    // The other account's alert arrives while the first account's receiver still holds everything.
    await waitFor(() => fast.hooks.length, (count) => count === 1, "the other account's alert");
    expect(slow.stats()).toMatchObject({ answered: 0, maxInFlight: 2 });

    // Released, the first account's six alerts all arrive, still two at a time.
    const delivered = () => context.db.alertDelivery.count({ where: { monitorId: slowMonitor, status: "delivered" } });
    await waitFor(async () => {
      slow.releaseAll();
      return delivered();
    }, (count) => count === 6, "all six slow deliveries");
    expect(slow.stats().maxInFlight).toBe(2);
    await Promise.all([slow.close(), fast.close()]);
  }, 60_000);
});
