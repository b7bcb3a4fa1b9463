// Benchmark for the goal "with 50 checks of 20 ports in flight against a 50 ms path, the reported median
// is within 5 ms of 50": a namespace behind a 25 ms one-way relay with 20 listeners, the real worker
// process, 50 checks submitted at once through the API route handlers, and the latencyMs they report
// against three references: bare net.connect on an idle event loop (before and during the load) and the
// kernel's own handshake RTT of every probe connection (ss -ti). Then the same load run by the engine in
// this process, on the probe thread and in-process, with this event loop kept busy, to show what the
// thread buys. Run as root: node --import tsx bench/latency-under-load.ts   (about two minutes)
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { Socket } from "node:net";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { promisify } from "node:util";
import { BENCH_ENV, formatSummary, isRoot, markdownTable, NAMESPACE_ALLOWLIST, reportResult, summarize, type Summary } from "./support";

if (!isRoot()) {
  console.error("latency-under-load needs root (network namespaces).");
  process.exit(2);
}
// Before any application module is imported: the configuration is read once, on first use.
Object.assign(process.env, BENCH_ENV, { TARGET_ALLOWLIST: NAMESPACE_ALLOWLIST });
const { TEST_DENYLIST, startCheck, waitFinished } = await import("../tests/helpers/check-client");
process.env.TARGET_DENYLIST = TEST_DENYLIST;
const { runEngine } = await import("../lib/probes/engine");
const { runInProcess } = await import("../lib/probes/registry");
const { createThreadRunner } = await import("../lib/probes/thread-runner");
const { webContext } = await import("../lib/web-context");
const { migrate } = await import("../prisma/migrator");
const { startTargetIn } = await import("../tests/helpers/namespace-target");
const { createNamespace } = await import("../tests/helpers/netns");
const { startWorker } = await import("../tests/helpers/worker-process");
type ProbeRunner = import("../lib/probes/engine").ProbeRunner;

const ONE_WAY_DELAY_MS = 25;
const NOMINAL_RTT_MS = 2 * ONE_WAY_DELAY_MS;
const GOAL_TOLERANCE_MS = 5;
const CHECKS = 50;
const PORTS = Array.from({ length: 20 }, (_, index) => 7000 + index);
const CHECK_TIMEOUT_MS = 1500;
/** The worker's default and the issue's "in flight" (every check running at once). */
const WORKER_CONCURRENCIES = [CHECKS, 8];
/** Synchronous work blocks on the busy event loop: a stand-in for a main thread busy with queries. */
const BUSY_BLOCK_MS = 10;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const execFileAsync = promisify(execFile);

/** One TCP handshake with nothing else going on in this loop: connect() to 'connect'. */
function bareConnect(address: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    const started = performance.now();
    socket.once("connect", () => {
      resolve(performance.now() - started);
      socket.destroy();
    });
    socket.once("error", reject);
    socket.connect({ host: address, port, noDelay: true });
  });
}

/**
 * Bare handshakes in a child process of their own, one every 20 ms while a load runs: what an idle
 * event loop measures on this machine at that moment (the relay's queue and the CPU share included).
 */
function startObserver(address: string, port: number): { stop(): Promise<number[]> } {
  const script = `
    const net = require("node:net");
    let stopping = false;
    process.stdin.on("end", () => (stopping = true)).resume();
    (async () => {
      while (!stopping) {
        const started = performance.now();
        await new Promise((resolve) => {
          const socket = net.connect({ host: process.argv[1], port: Number(process.argv[2]), noDelay: true });
          socket.once("connect", () => { console.log(performance.now() - started); socket.destroy(); resolve(); });
          socket.once("error", resolve);
        });
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      process.exit(0);
    })();`;
  const child: ChildProcess = spawn(process.execPath, ["-e", script, address, String(port)], { stdio: ["pipe", "pipe", "inherit"] });
  const samples: number[] = [];
  createInterface({ input: child.stdout! }).on("line", (line) => samples.push(Number(line)));
  return {
    stop: async () => {
      const exited = once(child, "exit");
      child.stdin!.end();
      await exited;
      return samples;
    },
  };
}

/**
 * The kernel's RTT of each connection to `address` whose only sample is the handshake (nothing sent
 * yet), read with ss -ti every 100 ms: the network's share of a probe's latency, without our event loops.
 */
function startKernelRtt(address: string): { stop(): Promise<number[]> } {
  const seen = new Map<string, number>();
  let running = true;
  const loop = (async () => {
    while (running) {
      const { stdout } = await execFileAsync("ss", ["-tinH", "state", "established", "dst", address], { maxBuffer: 64 * 1024 * 1024 });
      const lines = stdout.split("\n");
      for (let index = 0; index + 1 < lines.length; index++) {
        const info = lines[index + 1]!;
        if (!info.startsWith("\t") && !info.startsWith(" ")) continue;
        const connection = lines[index]!.trim().split(/\s+/).slice(-2).join(" ");
        index++;
        const rtt = /\brtt:([\d.]+)\//.exec(info)?.[1];
        const sent = Number(/\bbytes_sent:(\d+)/.exec(info)?.[1] ?? 0);
        if (rtt && sent === 0 && !seen.has(connection)) seen.set(connection, Number(rtt));
      }
      await sleep(100);
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return [...seen.values()];
    },
  };
}

/** Keeps this event loop busy: blocks of BUSY_BLOCK_MS back to back, I/O callbacks only in between. */
function startBusyLoop(): () => void {
  let busy = true;
  const spin = () => {
    if (!busy) return;
    const end = performance.now() + BUSY_BLOCK_MS;
    while (performance.now() < end) {
      // burn
    }
    setImmediate(spin);
  };
  setImmediate(spin);
  return () => {
    busy = false;
  };
}

interface Scenario {
  name: string;
  reported: Summary;
  kernelRtt: Summary;
  idleLoopRtt: Summary;
  /** Median of reported minus median of kernel RTT: what our event loops add. */
  overheadP50: number;
  wallMs: number;
  notOpen: number;
  eventLoopDelayP50?: number;
  goalMet: boolean;
}

function scenario(name: string, reported: number[], kernel: number[], idle: number[], wallMs: number, notOpen: number, extra: Partial<Scenario> = {}): Scenario {
  const summary = summarize(reported);
  const kernelRtt = summarize(kernel);
  return {
    name,
    reported: summary,
    kernelRtt,
    idleLoopRtt: summarize(idle),
    overheadP50: Math.round((summary.p50 - kernelRtt.p50) * 100) / 100,
    wallMs: Math.round(wallMs),
    notOpen,
    goalMet: Math.abs(summary.p50 - NOMINAL_RTT_MS) <= GOAL_TOLERANCE_MS,
    ...extra,
  };
}

async function measured<T>(address: string, work: () => Promise<T>): Promise<{ value: T; kernel: number[]; idle: number[]; wallMs: number }> {
  const observer = startObserver(address, PORTS[0]!);
  const kernelRtt = startKernelRtt(address);
  const started = performance.now();
  const value = await work();
  const wallMs = performance.now() - started;
  return { value, kernel: await kernelRtt.stop(), idle: await observer.stop(), wallMs };
}

async function main(): Promise<void> {
  await migrate(process.env.DATABASE_URL!);
  const ns = await createNamespace({ delayMs: ONE_WAY_DELAY_MS });
  const scenarios: Scenario[] = [];
  let baseline: Summary | undefined;
  try {
    const target = await startTargetIn(ns, { host: [ns.nsAddress4], servers: PORTS.map((port) => ({ kind: "open", name: `open-${port}`, port })) });
    const address = ns.nsAddress4;
    try {
      // The reference: bare handshakes from this process while nothing else runs.
      const idle: number[] = [];
      for (let i = 0; i < 100; i++) idle.push(await bareConnect(address, PORTS[i % PORTS.length]!));
      baseline = summarize(idle);
      console.log(`true RTT, bare net.connect on an idle event loop, no load: ${formatSummary(baseline)}`);

      for (const concurrency of WORKER_CONCURRENCIES) {
        const worker = await startWorker({ TARGET_ALLOWLIST: NAMESPACE_ALLOWLIST, TARGET_DENYLIST: TEST_DENYLIST, WORKER_CONCURRENCY: String(concurrency) });
        try {
          const run = await measured(address, async () => {
            const created = await Promise.all(Array.from({ length: CHECKS }, () => startCheck({ host: address, ports: PORTS, tls: false, timeoutMs: CHECK_TIMEOUT_MS })));
            return Promise.all(created.map((check) => waitFinished(check.id, 300_000)));
          });
          const results = run.value.flatMap((check) => check.results);
          const latencies = results.flatMap((result) => (result.state === "open" && result.latencyMs !== null ? [result.latencyMs] : []));
          const failed = run.value.filter((check) => check.status !== "done").length;
          if (failed) console.log(`warning: ${failed} check(s) did not finish as done`);
          const item = scenario(`worker process, probe thread, WORKER_CONCURRENCY=${concurrency}`, latencies, run.kernel, run.idle, run.wallMs, results.length - latencies.length);
          scenarios.push(item);
          printScenario(item);
        } finally {
          await worker.stop();
        }
      }

      // The same load from this process, engine and runner as the worker uses them.
      const threadRunner = createThreadRunner();
      const engineRuns: { name: string; runner: ProbeRunner; busy: boolean }[] = [
        { name: "engine here, probe thread, this loop busy", runner: threadRunner.run, busy: true },
        { name: "engine here, in-process, this loop busy", runner: runInProcess, busy: true },
        { name: "engine here, in-process, this loop idle", runner: runInProcess, busy: false },
      ];
      try {
        for (const { name, runner, busy } of engineRuns) {
          const delay = monitorEventLoopDelay({ resolution: 1 });
          const stopBusy = busy ? startBusyLoop() : () => {};
          delay.enable();
          const run = await measured(address, async () => {
            const verdicts: { state: string; latencyMs: number | null }[] = [];
            await Promise.all(
              Array.from({ length: CHECKS }, () =>
                runEngine(
                  { kind: "tcp", addresses: [{ address, family: 4 }], ports: PORTS, parallelism: 100, options: { timeoutMs: CHECK_TIMEOUT_MS, tls: "off" } },
                  { runner, onResult: ({ verdict }) => verdicts.push(verdict) },
                ),
              ),
            );
            return verdicts;
          });
          delay.disable();
          stopBusy();
          const latencies = run.value.flatMap((verdict) => (verdict.state === "open" && verdict.latencyMs !== null ? [verdict.latencyMs] : []));
          const item = scenario(name, latencies, run.kernel, run.idle, run.wallMs, run.value.length - latencies.length, {
            eventLoopDelayP50: Math.round(delay.percentile(50) / 1e4) / 100,
          });
          scenarios.push(item);
          printScenario(item);
          // Let the polite closes of the last run finish before the next one starts.
          await sleep(3500);
        }
      } finally {
        await threadRunner.close();
      }
    } finally {
      target.stop();
    }
  } finally {
    await ns.destroy();
    const context = webContext();
    await context.checksQueue.obliterate({ force: true }).catch(() => {});
  }
  report(baseline!, scenarios);
}

function printScenario(item: Scenario): void {
  console.log(`\n${item.name}: ${CHECKS} checks x ${PORTS.length} ports, done in ${item.wallMs} ms${item.notOpen ? `, ${item.notOpen} probes not open` : ""}`);
  console.log(`  reported latencyMs:          ${formatSummary(item.reported)}`);
  console.log(`  kernel handshake RTT (ss):   ${formatSummary(item.kernelRtt)}`);
  console.log(`  bare connect, idle loop:     ${formatSummary(item.idleLoopRtt)}`);
  const loop = item.eventLoopDelayP50 !== undefined ? `; this process's event loop delay p50 ${item.eventLoopDelayP50} ms` : "";
  console.log(`  reported p50 - kernel p50: ${item.overheadP50} ms; goal |p50 - ${NOMINAL_RTT_MS}| <= ${GOAL_TOLERANCE_MS}: ${item.goalMet ? "met" : "NOT met"}${loop}`);
}

function report(baseline: Summary, scenarios: Scenario[]): void {
  const header = ["scenario", "reported p50", "p95", "p99", "kernel RTT p50", "idle-loop RTT p50", "overhead p50", `goal (p50 within ${GOAL_TOLERANCE_MS} of ${NOMINAL_RTT_MS})`];
  const rows = scenarios.map((item) => [
    item.name,
    item.reported.p50.toFixed(1),
    item.reported.p95.toFixed(1),
    item.reported.p99.toFixed(1),
    item.kernelRtt.p50.toFixed(1),
    item.idleLoopRtt.p50.toFixed(1),
    item.overheadP50.toFixed(1),
    item.goalMet ? "met" : "not met",
  ]);
  const markdown = [
    `Path: ${ONE_WAY_DELAY_MS} ms each way (nominal RTT ${NOMINAL_RTT_MS} ms). True RTT, bare net.connect on an idle event loop with no load: p50 ${baseline.p50.toFixed(2)} ms, p95 ${baseline.p95.toFixed(2)} ms.`,
    `${CHECKS} checks of ${PORTS.length} open ports each; milliseconds. Busy loop: synchronous ${BUSY_BLOCK_MS} ms blocks back to back.`,
    "",
    markdownTable(header, rows),
  ].join("\n");
  console.log(`\n${markdown}`);
  reportResult({ oneWayDelayMs: ONE_WAY_DELAY_MS, checks: CHECKS, portsPerCheck: PORTS.length, busyBlockMs: BUSY_BLOCK_MS, baseline, scenarios }, markdown);
}

await main();
process.exit(0);
