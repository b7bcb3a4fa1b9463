// What GET /api/metrics answers: this web process's metrics and every live worker's (published to Redis,
// summed across workers), plus the depth of each queue read from Redis at scrape time.
import { AggregatorRegistry, Gauge, type MetricObjectWithValues, type MetricValue, Registry } from "prom-client";
import type { Queue } from "bullmq";
import { MONITORS_QUEUE, ALERTS_QUEUE } from "../queue/monitor-queues";
import { probeQueueName } from "../queue/probe-queues";
import { LIVE_MS, readWorkers } from "../regions/registry";
import type { WebContext } from "../web-context";
import { metrics } from "./metrics";

type MetricsJson = MetricObjectWithValues<MetricValue<string>>[];

const JOB_STATES = ["waiting", "active", "delayed", "prioritized", "failed"] as const;

export async function scrapeMetrics(context: WebContext, prefix: string): Promise<{ contentType: string; body: string }> {
  const workers = (await readWorkers(context.redis, prefix)).filter((worker) => !worker.stopped && Date.now() - Date.parse(worker.lastSeenAt) < LIVE_MS);
  const published = workers.length ? await context.redis.mget(...workers.map((worker) => `${prefix}:metrics:${worker.id}`)) : [];
  const fleet: MetricsJson[] = [(await metrics("web").registry.getMetricsAsJSON()) as MetricsJson];
  for (const text of published) {
    if (!text) continue;
    try {
      fleet.push(JSON.parse(text) as MetricsJson);
    } catch {
      // A half-written or foreign value: skip it rather than fail the scrape.
    }
  }
  const merged = AggregatorRegistry.aggregate(fleet);

  const queues = new Registry();
  const depth = new Gauge({ name: "portcheck_queue_jobs", help: "Jobs in each queue by state, read at scrape time.", labelNames: ["queue", "state"], registers: [queues] });
  const regions = [...new Set(workers.map((worker) => worker.region))];
  const named: [string, Queue][] = [
    [MONITORS_QUEUE, context.monitorQueues.monitors],
    [ALERTS_QUEUE, context.monitorQueues.alerts],
    ...regions.flatMap((region) => (["fast", "bulk"] as const).map((lane): [string, Queue] => [probeQueueName(region, lane), context.probeQueue(region, lane)])),
  ];
  await Promise.all(
    named.map(async ([name, queue]) => {
      const counts = await queue.getJobCounts(...JOB_STATES);
      for (const state of JOB_STATES) depth.set({ queue: name, state }, counts[state] ?? 0);
    }),
  );
  const all = Registry.merge([merged as Registry, queues]);
  return { contentType: all.contentType, body: await all.metrics() };
}
