// The exposure scan end to end below the browser: POST /api/v1/exposure-scans from a caller whose address
// is 127.0.0.2 (the tests' stand-in for the internet), a real worker probing the preset's 100 ports there,
// and the results carrying each port's risk. The caller's own address only, once per interval.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { POST as postScan } from "../app/api/v1/exposure-scans/route";
import { EXPOSURE_PORTS } from "../lib/exposure/exposure-preset";
import { webContext } from "../lib/web-context";
import { params, problem, request } from "./helpers/api";
import { resultOf, waitFinished } from "./helpers/check-client";
import { type OpenPort, openPort } from "./helpers/listeners";
import { startWorker, type WorkerProcess } from "./helpers/worker-process";

const context = webContext();
const listeners: OpenPort[] = [];
let worker: WorkerProcess | undefined;

afterEach(async () => {
  await Promise.all(listeners.splice(0).map((listener) => listener.close()));
});
afterAll(async () => {
  await worker?.stop("SIGKILL");
  await context.probeQueue("local").obliterate({ force: true });
  await context.probeQueue("local").close();
  await context.redis.quit();
  await context.db.$disconnect();
});

const scan = (peer: string, body?: unknown) => postScan(request("/api/v1/exposure-scans", { method: "POST", peer, ...(body === undefined ? {} : { body }) }), params({}));

describe("POST /api/v1/exposure-scans", () => {
  it("scans the caller's own address for the 100 preset ports and says what each open one means", async () => {
    // A Docker API (critical), an HTTP alternate (medium) and a game server (low) left open on the caller's address.
    for (const port of [2375, 8080, 25565]) listeners.push(await openPort("127.0.0.2", port));
    worker = await startWorker();
    // Whatever a body says, the target is the caller.
    const response = await scan("127.0.0.2", { host: "127.0.0.3", ports: [1] });
    expect(response.status).toBe(202);
    const started = await response.json();
    expect(started).toMatchObject({ host: "127.0.0.2", preset: "exposure", protocol: "tcp" });
    expect(started.ports).toEqual([...EXPOSURE_PORTS].sort((a, b) => a - b));
    expect(response.headers.get("location")).toBe(started.links.self);

    const check = await waitFinished(started.id);
    expect(check.status).toBe("done");
    expect(check.preset).toBe("exposure");
    expect(check.results).toHaveLength(100);
    expect(resultOf(check, 2375)).toMatchObject({ state: "open", exposure: { name: "Docker API", risk: "critical" } });
    expect(resultOf(check, 8080)).toMatchObject({ state: "open", exposure: { risk: "medium" } });
    expect(resultOf(check, 25565)).toMatchObject({ state: "open", exposure: { name: "Minecraft", risk: "low" } });
    expect(resultOf(check, 23)).toMatchObject({ state: "closed", exposure: { name: "Telnet", risk: "critical" } });
    expect(check.results.every((result) => result.exposure !== undefined)).toBe(true);
  });

  it("allows one scan per address per interval, and answers 429 with Retry-After meanwhile", async () => {
    const peer = "127.0.0.2";
    // The first test's scan spent this address's turn.
    const again = await scan(peer);
    expect(again.status).toBe(429);
    const body = await problem(again);
    expect(body.code).toBe("rate_limited");
    expect(body.detail).toMatch(/One exposure scan of your address every 5 minutes/);
    expect(Number(again.headers.get("retry-after"))).toBeGreaterThan(200);
  });

  it("refuses an address the internet could not reach, in words that say why", async () => {
    const response = await scan("127.0.0.1");
    expect(response.status).toBe(422);
    const body = await problem(response);
    expect(body.code).toBe("target_forbidden");
    expect(body.detail).toContain("Your address 127.0.0.1 is not a public internet address");
  });
});
