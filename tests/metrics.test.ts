// GET /api/metrics: Prometheus text behind a bearer token, with the web's API requests, the live workers'
// verdicts, probe latency and jobs (published through Redis), queue depths and both processes' own metrics.
import { afterAll, describe, expect, it } from "vitest";

process.env.METRICS_TOKEN = "metrics-token-for-the-tests-0123";

const { GET: getMetrics } = await import("../app/api/metrics/route");
const { webContext } = await import("../lib/web-context");
const { request, problem } = await import("./helpers/api");
const { startCheck, waitFinished } = await import("./helpers/check-client");
const { openPort } = await import("./helpers/listeners");
const { startWorker } = await import("./helpers/worker-process");

const context = webContext();
const listener = await openPort();
const worker = await startWorker();

afterAll(async () => {
  await worker.stop("SIGKILL");
  await listener.close();
  await context.probeQueue("local").obliterate({ force: true });
  await context.redis.quit();
  await context.db.$disconnect();
});

const scrape = (authorization?: string) => getMetrics(request("/api/metrics", authorization ? { headers: { authorization } } : {}));

/** The value of the first sample line that starts with `series`, or null. */
function sample(text: string, series: string): number | null {
  const line = text.split("\n").find((item) => item.startsWith(series));
  return line ? Number(line.slice(line.lastIndexOf(" ") + 1)) : null;
}

describe("a request id", () => {
  it("follows a check from the API request to the worker's log lines", async () => {
    const { POST: postCheck } = await import("../app/api/v1/checks/route");
    const { newPeer, params } = await import("./helpers/api");
    const requestId = `rq-${Date.now().toString(36)}-follow`;
    const response = await postCheck(request("/api/v1/checks", { body: { host: "127.0.0.2", ports: [listener.port] }, peer: newPeer(), headers: { "x-request-id": requestId } }), params({}));
    expect(response.status).toBe(202);
    await waitFinished((await response.json()).id);
    for (let i = 0; i < 40 && !worker.logs.some((line) => line.includes(requestId)); i++) await new Promise((resolve) => setTimeout(resolve, 100));
    const line = worker.logs.find((item) => item.includes(requestId));
    expect(line, worker.logs.slice(-5).join("\n")).toBeDefined();
    expect(JSON.parse(line!)).toMatchObject({ requestId, msg: "check chunk processed", outcome: "done" });
  });
});

describe("GET /api/metrics", () => {
  it("refuses a scrape without the token, or with another, as problem+json", async () => {
    for (const authorization of [undefined, "Bearer wrong-token-wrong-token", "Basic abc"]) {
      const response = await scrape(authorization);
      expect(response.status).toBe(401);
      expect(response.headers.get("www-authenticate")).toContain("Bearer");
      expect((await problem(response)).code).toBe("unauthorized");
    }
  });

  it("counts the API's requests, the worker's verdicts and jobs, the queues and both processes", async () => {
    const check = await waitFinished((await startCheck({ host: "127.0.0.2", ports: [listener.port] })).id);
    expect(check.results[0]?.state).toBe("open");
    // The worker publishes every 5 s; wait for a scrape that has its verdict.
    let text = "";
    for (let i = 0; i < 80; i++) {
      const response = await scrape(`Bearer ${process.env.METRICS_TOKEN}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toContain("text/plain");
      text = await response.text();
      if ((sample(text, 'portcheck_verdicts_total{source="check",probe="tcp",state="open"}') ?? 0) >= 1) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(sample(text, 'portcheck_verdicts_total{source="check",probe="tcp",state="open"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'portcheck_http_requests_total{route="createCheck",method="POST",status="202"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'portcheck_probe_latency_seconds_count{probe="tcp"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'portcheck_jobs_total{queue="probes-local",outcome="completed"}')).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/portcheck_queue_jobs\{queue="monitors",state="waiting"\} \d+/);
    expect(text).toMatch(/portcheck_queue_jobs\{queue="probes-local",state="active"\} \d+/);
    expect(sample(text, "portcheck_web_process_resident_memory_bytes")).toBeGreaterThan(0);
    expect(sample(text, "portcheck_worker_process_resident_memory_bytes")).toBeGreaterThan(0);
  });
});
