// Prometheus metrics (prom-client), one registry per process. The web counts its API requests; the worker
// counts verdicts, probe latency, jobs per queue, monitor runs and their lateness, and alert deliveries,
// and publishes its registry to Redis (lib/metrics/worker-publisher.ts) so that one scrape of the web's
// GET /api/metrics sees the whole fleet, regional workers included (they reach Redis and nothing else).
import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client";

export type ProcessKind = "web" | "worker";

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const LATENESS_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60];

function build(kind: ProcessKind) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: `portcheck_${kind}_` });
  const registers = [registry];
  return {
    kind,
    registry,
    httpRequests: new Counter({ name: "portcheck_http_requests_total", help: "API requests answered, by route (operation) and status.", labelNames: ["route", "method", "status"], registers }),
    httpDuration: new Histogram({ name: "portcheck_http_request_duration_seconds", help: "Time to answer an API request, by route.", labelNames: ["route"], buckets: LATENCY_BUCKETS, registers }),
    verdicts: new Counter({ name: "portcheck_verdicts_total", help: "Verdicts reached, by what asked (check or monitor), probe and state.", labelNames: ["source", "probe", "state"], registers }),
    probeLatency: new Histogram({ name: "portcheck_probe_latency_seconds", help: "Handshake (or reply) time of verdicts that had one, by probe.", labelNames: ["probe"], buckets: LATENCY_BUCKETS, registers }),
    jobs: new Counter({ name: "portcheck_jobs_total", help: "Jobs ended, by queue and outcome (completed, failed).", labelNames: ["queue", "outcome"], registers }),
    jobDuration: new Histogram({ name: "portcheck_job_duration_seconds", help: "Time a job ran, by queue.", labelNames: ["queue"], buckets: LATENCY_BUCKETS, registers }),
    monitorRuns: new Counter({ name: "portcheck_monitor_runs_total", help: "Scheduled monitor runs dispatched.", registers }),
    monitorLateness: new Histogram({ name: "portcheck_monitor_run_lateness_seconds", help: "How late a monitor run started against its slot.", buckets: LATENESS_BUCKETS, registers }),
    alertDeliveries: new Counter({ name: "portcheck_alert_deliveries_total", help: "Alert delivery attempts, by outcome (delivered, retry, failed).", labelNames: ["outcome"], registers }),
  };
}

export type Metrics = ReturnType<typeof build>;

const holder = globalThis as unknown as { portcheckMetrics?: Metrics };

/** This process's metrics, created on first use as the web's or the worker's. */
export function metrics(kind: ProcessKind = "web"): Metrics {
  holder.portcheckMetrics ??= build(kind);
  return holder.portcheckMetrics;
}
