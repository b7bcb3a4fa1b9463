// Several vantage points end to end: a central worker (region west, next to PostgreSQL) and two regional
// workers (east, south) started inside network namespaces this test creates, which reach Redis through a
// relay on their veth and nothing else. Firewall rules inside a region's namespace make that region really
// see something else. Checks with a row per region, regions that are down, two workers of one region
// sharing a check, and monitors that change state only when a majority of regions agrees.
import "./helpers/regions-env";
import net from "node:net";
import { once } from "node:events";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getMonitorRoute } from "../app/api/v1/monitors/[id]/route";
import { GET as getIncidents } from "../app/api/v1/monitors/[id]/incidents/route";
import { POST as postMonitor } from "../app/api/v1/monitors/route";
import { GET as getRegions } from "../app/api/v1/regions/route";
import type { CheckView } from "../lib/checks/check-view";
import { webContext } from "../lib/web-context";
import { asAccount, signUp, type TestAccount } from "./helpers/accounts";
import { params, request } from "./helpers/api";
import { closeWebContext, startCheck, waitFinished } from "./helpers/check-client";
import { createNamespace, type Namespace } from "./helpers/netns";
import { type Relay, startRelay } from "./helpers/tcp-relay";
import { startWebhookReceiver } from "./helpers/webhook-receiver";
import { startWorker, type WorkerProcess } from "./helpers/worker-process";

const context = webContext();
let east: Namespace;
let south: Namespace;
const relays: Relay[] = [];
const workers: Record<string, WorkerProcess> = {};
let target: net.Server;
let targetHost: string;
let port: number;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;

/** Drops this region's outgoing packets to the target port: from there it is filtered. */
const dropTo = (host: string, dport: number) =>
  `table inet portcheck_test { chain output { type filter hook output priority 0; policy accept; ip daddr ${host} tcp dport ${dport} drop; }; }`;

/** A worker of `region` inside the namespace, with Redis through a relay on the namespace's veth. */
async function startRegionalWorker(ns: Namespace, region: string): Promise<WorkerProcess> {
  const relay = await startRelay(ns.hostAddress4, { host: "127.0.0.1", port: 6379 });
  relays.push(relay);
  return startWorker({ REGION: region, REGION_LABEL: `${region} (namespace)`, REDIS_URL: `redis://${ns.hostAddress4}:${relay.port}` }, { spawn: ns.spawn.bind(ns) });
}

function byRegion(check: CheckView): Record<string, string> {
  return Object.fromEntries(check.results.map((result) => [result.region, result.state]));
}

async function waitFor<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = 40_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

beforeAll(async () => {
  [east, south] = await Promise.all([createNamespace(), createNamespace()]);
  // The target listens in the host namespace on east's veth address; south reaches it through its own veth.
  targetHost = east.hostAddress4;
  await south.exec("ip", ["route", "add", `${targetHost}/32`, "via", south.hostAddress4]);
  target = net.createServer((socket) => socket.on("error", () => {}).end());
  target.listen(0, targetHost);
  await once(target, "listening");
  port = (target.address() as net.AddressInfo).port;
  receiver = await startWebhookReceiver();
  [workers.west, workers.east, workers.south] = await Promise.all([
    startWorker({ REGION: "west", REGION_LABEL: "West (host)", WORKER_ROLE: "all" }),
    startRegionalWorker(east, "east"),
    startRegionalWorker(south, "south"),
  ]);
}, 120_000);

afterAll(async () => {
  await Promise.all(Object.values(workers).map((worker) => worker.stop("SIGKILL")));
  await Promise.all(relays.map((relay) => relay.close()));
  await new Promise((resolve) => target.close(resolve));
  await receiver.close();
  await Promise.all([east?.destroy(), south?.destroy()]);
  for (const region of ["west", "east", "south"]) await context.probeQueue(region).obliterate({ force: true }).catch(() => {});
  await context.monitorQueues.monitors.obliterate({ force: true });
  await closeWebContext();
});

describe("regions", () => {
  it("lists every region with its live workers and label", async () => {
    const response = await getRegions(request("/api/v1/regions"), params({}));
    expect(response.status).toBe(200);
    const { regions } = (await response.json()) as { regions: { id: string; label: string | null; available: boolean; workers: number }[] };
    for (const [id, label] of [["west", "West (host)"], ["east", "east (namespace)"], ["south", "south (namespace)"]]) {
      expect(regions.find((region) => region.id === id)).toMatchObject({ id, label, available: true, workers: 1 });
    }
  });

  it("checks from three regions, a row per region: a DROP rule in east's namespace makes only east see filtered", async () => {
    await east.nft(dropTo(targetHost, port));
    try {
      const created = await startCheck({ host: targetHost, ports: [port], regions: ["west", "east", "south"], timeoutMs: 800 });
      expect(created.regions.map((run) => run.region)).toEqual(["west", "east", "south"]);
      const check = await waitFinished(created.id);
      expect(check.status).toBe("done");
      expect(byRegion(check)).toEqual({ west: "open", east: "filtered", south: "open" });
      expect(check.results.find((result) => result.region === "east")?.reason).toBe("no-response");
      expect(check.regions.map((run) => [run.region, run.status, run.addresses?.[0]?.address])).toEqual([
        ["west", "done", targetHost],
        ["east", "done", targetHost],
        ["south", "done", targetHost],
      ]);
    } finally {
      await east.flushNft();
    }
  });

  it("refuses a region that does not exist, naming the ones that do", async () => {
    const response = await startCheck({ host: targetHost, ports: [port], regions: ["atlantis"] }).catch((error: Error) => error);
    expect(String(response)).toMatch(/400.*There is no region \\"atlantis\\"/);
  });

  it("runs in every live region with \"all\"", async () => {
    const check = await waitFinished((await startCheck({ host: targetHost, ports: [port], regions: "all" })).id);
    expect(check.regions.map((run) => run.region).sort()).toEqual(["east", "south", "west"]);
    expect(Object.values(byRegion(check))).toEqual(["open", "open", "open"]);
  });
});

describe("monitors that vote", () => {
  let account: TestAccount;
  let monitorId: string;
  const monitor = async () => (await getMonitorRoute(asAccount(account, `/api/v1/monitors/${monitorId}`), params({ id: monitorId }))).json();
  const incidents = async () => (await (await getIncidents(asAccount(account, `/api/v1/monitors/${monitorId}/incidents`), params({ id: monitorId }))).json()).incidents;
  const regionState = (view: { regionStates: { region: string; state: string }[] }, region: string) => view.regionStates.find((item) => item.region === region)?.state;

  beforeAll(async () => {
    account = await signUp("regions");
    const response = await postMonitor(
      asAccount(account, "/api/v1/monitors", {
        body: { name: "voted", host: targetHost, port, intervalSeconds: 1, timeoutMs: 500, confirmations: 1, regions: ["west", "east", "south"], emailAlerts: false, webhookUrl: receiver.url },
      }),
      params({}),
    );
    expect(response.status).toBe(201);
    monitorId = (await response.json()).id;
  });

  it("goes up when a majority of regions sees the port open", async () => {
    const view = await waitFor(monitor, (value) => value.state === "up", "the monitor to go up");
    expect(view).toMatchObject({ regions: ["west", "east", "south"], quorum: null });
  });

  it("does not flip when one region disagrees (east's firewall drops the port)", async () => {
    await east.nft(dropTo(targetHost, port));
    const view = await waitFor(monitor, (value) => regionState(value, "east") === "down", "east to see it down");
    expect(regionState(view, "west")).toBe("up");
    // More votes arrive; the majority still sees it up.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const later = await monitor();
    expect(later.state).toBe("up");
    expect(regionState(later, "east")).toBe("down");
    expect((await incidents()).filter((incident: { state: string }) => incident.state === "down")).toHaveLength(0);
  });

  it("goes down when a second region agrees, and the incident and the alert say what each region saw", async () => {
    await south.nft(dropTo(targetHost, port));
    await waitFor(monitor, (value) => value.state === "down", "the monitor to go down");
    const [incident] = (await incidents()).filter((item: { state: string }) => item.state === "down");
    expect(incident.cause).toMatch(/^(east, south|south, east): filtered: no-response/);
    const hook = await waitFor(async () => receiver.hooks.find((item) => JSON.parse(item.body).event === "monitor.down"), Boolean, "the down webhook");
    const payload = JSON.parse(hook!.body);
    const seen = Object.fromEntries(payload.incident.regions.map((item: { region: string; state: string; voting: boolean }) => [item.region, [item.state, item.voting]]));
    expect(seen).toEqual({ west: ["up", true], east: ["down", true], south: ["down", true] });
  });

  it("comes back up when the regions see it open again", async () => {
    await Promise.all([east.flushNft(), south.flushNft()]);
    await waitFor(monitor, (value) => value.state === "up", "the monitor to come back up");
    await waitFor(async () => receiver.hooks.some((item) => JSON.parse(item.body).event === "monitor.up"), Boolean, "the up webhook");
  });

  it("does not count a region whose worker stopped: the others decide", async () => {
    await workers.south!.stop("SIGTERM");
    await east.nft(dropTo(targetHost, port));
    try {
      // Two voting regions, west up and east down: no majority, the state stays.
      await waitFor(monitor, (value) => regionState(value, "east") === "down", "east to see it down");
      await new Promise((resolve) => setTimeout(resolve, 2500));
      expect((await monitor()).state).toBe("up");
    } finally {
      await east.flushNft();
    }
    await context.monitorQueues.monitors.removeJobScheduler(`monitor-${monitorId}`);
  });
});

describe("a region that is down", () => {
  it("ends a region with no live worker at once as region_unavailable; the others answer", async () => {
    // south's worker stopped in the test above.
    const created = await startCheck({ host: targetHost, ports: [port], regions: ["west", "south"] });
    expect(created.regions.find((run) => run.region === "south")).toMatchObject({ status: "failed", error: { code: "region_unavailable" } });
    const check = await waitFinished(created.id);
    expect(check.status).toBe("done");
    expect(byRegion(check)).toEqual({ west: "open", south: "error" });
    expect(check.results.find((result) => result.region === "south")?.errorCode).toBe("region_unavailable");
  });

  it("ends the part of a region whose workers all died mid-check as region_unavailable, within a bound", async () => {
    await east.nft(dropTo(targetHost, port));
    // Killed: its heartbeat stays for up to 15 s, so the check is handed to it, and nobody runs the job.
    await workers.east!.stop("SIGKILL");
    const created = await startCheck({ host: targetHost, ports: [port], regions: ["west", "east"] });
    expect(created.regions.find((run) => run.region === "east")?.status).toBe("queued");
    const check = await waitFinished(created.id, 40_000);
    expect(check.regions.find((run) => run.region === "east")).toMatchObject({ status: "failed", error: { code: "region_unavailable" } });
    expect(byRegion(check).west).toBe("open");
  });
});

describe("several workers of one region", () => {
  it("share a large check with no double work, and stopping one loses nothing", async () => {
    const second = await startWorker({ REGION: "west", WORKER_ROLE: "probe" });
    workers.west2 = second;
    const secondId = second.logs.map((line) => /"workerId":"([^"]+)"/.exec(line)?.[1]).find(Boolean)!;
    // 60 silent ports in south's namespace: 12 jobs of 5 ports, each about two timeouts long.
    await south.nft(`table inet portcheck_test { chain input { type filter hook input priority 0; policy accept; tcp dport 7000-7059 drop; }; }`);
    const ports = Array.from({ length: 60 }, (_, index) => 7000 + index);
    const created = await startCheck({ host: south.nsAddress4, ports, regions: ["west"], timeoutMs: 500 });
    const queue = context.probeQueue("west");
    // Once the second worker has finished a job of its own, kill it with its other jobs in hand.
    await waitFor(async () => (await queue.getJobs(["completed"])).some((job) => job.id?.startsWith(`check.${created.id}.`) && job.processedBy === secondId), Boolean, "the second worker to finish a job");
    await second.stop("SIGKILL");
    const check = await waitFinished(created.id, 60_000);
    expect(check.status).toBe("done");
    expect(check.results).toHaveLength(60);
    expect(check.results.every((result) => result.state === "filtered")).toBe(true);
    expect(await context.db.checkResult.count({ where: { checkId: created.id } })).toBe(60);
    const jobs = (await queue.getJobs(["completed"])).filter((job) => job.id?.startsWith(`check.${created.id}.`));
    expect(jobs).toHaveLength(12);
    expect(new Set(jobs.map((job) => job.processedBy)).size).toBe(2);
    await south.flushNft();
  }, 120_000);
});
