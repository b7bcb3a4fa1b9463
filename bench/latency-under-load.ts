// Benchmark for the goal "with 50 checks of 20 ports in flight against a 50 ms path, the reported median
// is within 5 ms of 50": a namespace behind a 25 ms one-way relay with 20 listeners, the real worker
// process, 50 checks submitted at once through the API route handlers, and the latencyMs they report
// against three references: bare net.connect on an idle event loop (before and during the load) and the
// kernel's own handshake RTT of every probe connection (ss -ti). Then the same load run by the engine in
// this process, on the probe thread and in-process, with this event loop kept busy, to show what the
// thread buys; and 1000 bare connects at once, timed from before connect() and from the moment the
// syscall is made, to show where the rest goes. Run as root: node --import tsx bench/latency-under-load.ts
// (about five minutes; BENCH_ROUNDS=1 for a quicker, noisier look)
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { Socket } from "node:net";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { promisify } from "node:util";
import { BENCH_ENV, formatSummary, isRoot, markdownTable, NAMESPACE_ALLOWLIST, quantile, reportResult, summarize, type Summary } from "./support";

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
const { readyRedis } = await import("../lib/redis");
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
/** The "in flight" (every check running at once), then the worker's default. */
const WORKER_CONCURRENCIES = [CHECKS, 8];
/** Each scenario is run this many times (BENCH_ROUNDS): one run on a small shared machine proves little. */
const ROUNDS = Math.max(1, Math.floor(Number(process.env.BENCH_ROUNDS) || 3));
/** Checks started by the engine runs in this process arrive this far apart (a worker picks up jobs one by one). */
const STAGGER_MS = 2;
/** Length of the synchronous blocks that keep this event loop busy: a main thread busy with other work. */
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
 * `count` bare handshakes started in one go, as the engine starts a check's ports. Node makes the
 * connect(2) of an IP literal in a process.nextTick, so a clock started before socket.connect() (as
 * lib/probes/tcp.ts does) also counts the syscalls of every socket queued before this one;
 * 'connectionAttempt' is emitted in that tick, just before the syscall.
 */
async function bareBurst(address: string, count: number, clock: "before connect()" | "connectionAttempt"): Promise<number[]> {
  const sockets: Socket[] = [];
  const latencies = await Promise.all(
    Array.from(
      { length: count },
      (_, index) =>
        new Promise<number>((resolve, reject) => {
          const socket = new Socket();
          sockets.push(socket);
          let started = performance.now();
          if (clock === "connectionAttempt") socket.once("connectionAttempt", () => (started = performance.now()));
          socket.once("connect", () => resolve(performance.now() - started));
          socket.once("error", reject);
          socket.connect({ host: address, port: PORTS[index % PORTS.length]!, noDelay: true });
        }),
    ),
  );
  // Held open a moment so that ss sees every connection before anything is sent on it.
  await sleep(400);
  for (const socket of sockets) socket.destroy();
  return latencies;
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

/**
 * Keeps this event loop busy: blocks of BUSY_BLOCK_MS back to back, I/O callbacks only in between.
 * "cpu" burns the time, as real work does, and so takes one of this machine's few cores from the probe
 * thread, the relay and the servers; "wait" blocks in Atomics.wait, which delays callbacks just the
 * same without using the CPU, so it isolates what the thread is for: event-loop lag.
 */
function startBusyLoop(kind: "cpu" | "wait"): () => void {
  let busy = true;
  const cell = new Int32Array(new SharedArrayBuffer(4));
  const block = () => {
    if (!busy) return;
    if (kind === "wait") Atomics.wait(cell, 0, 0, BUSY_BLOCK_MS);
    else {
      const end = performance.now() + BUSY_BLOCK_MS;
      while (performance.now() < end) {
        // burn
      }
    }
    setImmediate(block);
  };
  setImmediate(block);
  return () => {
    busy = false;
  };
}

interface Scenario {
  name: string;
  /** Every round's latencies pooled. */
  reported: Summary;
  /** Each round's reported median, to show how much one run can differ from the next. */
  roundMedians: number[];
  kernelRtt: Summary;
  idleLoopRtt: Summary;
  /** Median of reported minus median of kernel RTT: what our event loops add. */
  overheadP50: number;
  /** Median wall time of one round. */
  wallMs: number;
  notOpen: number;
  /** This process's event loop delay during the rounds (engine scenarios only). */
  eventLoopDelayP50?: number;
  /** The goal read literally: the reported median within GOAL_TOLERANCE_MS of the nominal 50 ms. */
  goalMet: boolean;
  /** The same tolerance against the path's own RTT at that moment (the relay is slower under a burst). */
  withinOfKernel: boolean;
}

/** What one round of a scenario gives back. */
interface Round {
  latencies: number[];
  notOpen: number;
  eventLoopDelayP50?: number;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Runs `round` ROUNDS times with the references measured alongside, pools the figures and prints them. */
async function runScenario(name: string, address: string, round: () => Promise<Round>, pauseMs: number): Promise<Scenario> {
  const reported: number[] = [];
  const kernel: number[] = [];
  const idle: number[] = [];
  const roundMedians: number[] = [];
  const walls: number[] = [];
  const loopDelays: number[] = [];
  let notOpen = 0;
  for (let index = 0; index < ROUNDS; index++) {
    const run = await measured(address, round);
    reported.push(...run.value.latencies);
    kernel.push(...run.kernel);
    idle.push(...run.idle);
    roundMedians.push(round2(quantile(run.value.latencies, 0.5)));
    walls.push(run.wallMs);
    notOpen += run.value.notOpen;
    if (run.value.eventLoopDelayP50 !== undefined) loopDelays.push(run.value.eventLoopDelayP50);
    // Polite closes and conversations of this round end before the next one starts.
    await sleep(pauseMs);
  }
  const summary = summarize(reported);
  const kernelRtt = summarize(kernel);
  const item: Scenario = {
    name,
    reported: summary,
    roundMedians,
    kernelRtt,
    idleLoopRtt: summarize(idle),
    overheadP50: round2(summary.p50 - kernelRtt.p50),
    wallMs: Math.round(quantile(walls, 0.5)),
    notOpen,
    ...(loopDelays.length ? { eventLoopDelayP50: round2(quantile(loopDelays, 0.5)) } : {}),
    goalMet: Math.abs(summary.p50 - NOMINAL_RTT_MS) <= GOAL_TOLERANCE_MS,
    withinOfKernel: Math.abs(summary.p50 - kernelRtt.p50) <= GOAL_TOLERANCE_MS,
  };
  printScenario(item);
  return item;
}

async function measured<T>(address: string, work: () => Promise<T>): Promise<{ value: T; kernel: number[]; idle: number[]; wallMs: number }> {
  const observer = startObserver(address, PORTS[0]!);
  const kernelRtt = startKernelRtt(address);
  const started = performance.now();
  const value = await work();
  const wallMs = performance.now() - started;
  return { value, kernel: await kernelRtt.stop(), idle: await observer.stop(), wallMs };
}

const openLatencies = (verdicts: readonly { state: string; latencyMs: number | null }[]): Round => {
  const latencies = verdicts.flatMap((verdict) => (verdict.state === "open" && verdict.latencyMs !== null ? [verdict.latencyMs] : []));
  return { latencies, notOpen: verdicts.length - latencies.length };
};

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
      console.log(`each scenario: ${ROUNDS} rounds, figures pooled`);

      for (const concurrency of WORKER_CONCURRENCIES) {
        const worker = await startWorker({ TARGET_ALLOWLIST: NAMESPACE_ALLOWLIST, TARGET_DENYLIST: TEST_DENYLIST, WORKER_CONCURRENCY: String(concurrency) });
        try {
          // Warm: the probe thread's modules, the database pool, Redis; none of it belongs in the figures.
          await readyRedis(webContext().redis);
          await waitFinished((await startCheck({ host: address, ports: [PORTS[0]!], tls: false, timeoutMs: CHECK_TIMEOUT_MS })).id);
          const item = await runScenario(
            `worker process, probe thread, WORKER_CONCURRENCY=${concurrency}`,
            address,
            async () => {
              const created = await Promise.all(Array.from({ length: CHECKS }, () => startCheck({ host: address, ports: PORTS, tls: false, timeoutMs: CHECK_TIMEOUT_MS })));
              const finished = await Promise.all(created.map((check) => waitFinished(check.id, 300_000)));
              const failed = finished.filter((check) => check.status !== "done").length;
              if (failed) console.log(`warning: ${failed} check(s) did not finish as done`);
              return openLatencies(finished.flatMap((check) => check.results));
            },
            1000,
          );
          scenarios.push(item);
        } finally {
          await worker.stop();
        }
      }

      // The same load from this process, engine and runner as the worker uses them.
      const threadRunner = createThreadRunner();
      await threadRunner.run("tcp", { address, family: 4, port: PORTS[0]! }, { timeoutMs: CHECK_TIMEOUT_MS, banner: false });
      // Checks arrive one every STAGGER_MS, as jobs reach a worker, except in the last run: all at once.
      const engineRuns: { name: string; runner: ProbeRunner; busy: "cpu" | "wait" | null; staggerMs: number }[] = [
        { name: "engine here, probe thread, this loop idle", runner: threadRunner.run, busy: null, staggerMs: STAGGER_MS },
        { name: "engine here, in-process, this loop idle", runner: runInProcess, busy: null, staggerMs: STAGGER_MS },
        { name: "engine here, probe thread, this loop blocked (Atomics.wait)", runner: threadRunner.run, busy: "wait", staggerMs: STAGGER_MS },
        { name: "engine here, in-process, this loop blocked (Atomics.wait)", runner: runInProcess, busy: "wait", staggerMs: STAGGER_MS },
        { name: "engine here, probe thread, this loop burning CPU", runner: threadRunner.run, busy: "cpu", staggerMs: STAGGER_MS },
        { name: "engine here, in-process, this loop burning CPU", runner: runInProcess, busy: "cpu", staggerMs: STAGGER_MS },
        { name: "engine here, probe thread, this loop idle, 50 checks started at once", runner: threadRunner.run, busy: null, staggerMs: 0 },
      ];
      try {
        for (const { name, runner, busy, staggerMs } of engineRuns) {
          const item = await runScenario(
            name,
            address,
            async () => {
              const delay = monitorEventLoopDelay({ resolution: 1 });
              const stopBusy = busy ? startBusyLoop(busy) : () => {};
              delay.enable();
              const verdicts: { state: string; latencyMs: number | null }[] = [];
              await Promise.all(
                Array.from({ length: CHECKS }, async (_, index) => {
                  if (staggerMs) await sleep(index * staggerMs);
                  await runEngine(
                    { kind: "tcp", addresses: [{ address, family: 4 }], ports: PORTS, parallelism: 100, options: { timeoutMs: CHECK_TIMEOUT_MS, tls: "off" } },
                    { runner, onResult: ({ verdict }) => verdicts.push(verdict) },
                  );
                }),
              );
              delay.disable();
              stopBusy();
              return { ...openLatencies(verdicts), eventLoopDelayP50: delay.percentile(50) / 1e6 };
            },
            // The conversation after each open verdict keeps the sockets up to CONVERSATION_MS; let them close.
            3500,
          );
          scenarios.push(item);
        }
      } finally {
        await threadRunner.close();
      }

      for (const clock of ["before connect()", "connectionAttempt"] as const) {
        const count = CHECKS * PORTS.length;
        const item = await runScenario(`${count} bare connects at once, clock from ${clock}`, address, async () => ({ latencies: await bareBurst(address, count, clock), notOpen: 0 }), 1000);
        scenarios.push(item);
      }
    } finally {
      target.stop();
    }
  } finally {
    await ns.destroy();
    const context = webContext();
    await context.probeQueue("local").obliterate({ force: true }).catch(() => {});
  }
  report(baseline!, scenarios);
}

function printScenario(item: Scenario): void {
  const notOpen = item.notOpen ? `, ${item.notOpen} probes not open` : "";
  console.log(`\n${item.name}: ${item.reported.n} handshakes in ${item.roundMedians.length} rounds, a round done in ${item.wallMs} ms (median)${notOpen}`);
  console.log(`  each round's reported median: ${item.roundMedians.map((value) => value.toFixed(1)).join(", ")} ms`);
  console.log(`  reported latencyMs:          ${formatSummary(item.reported)}`);
  console.log(`  kernel handshake RTT (ss):   ${formatSummary(item.kernelRtt)}`);
  console.log(`  bare connect, idle loop:     ${formatSummary(item.idleLoopRtt)}`);
  const loop = item.eventLoopDelayP50 !== undefined ? `; this process's event loop delay p50 ${item.eventLoopDelayP50} ms` : "";
  const goal = `goal |p50 - ${NOMINAL_RTT_MS}| <= ${GOAL_TOLERANCE_MS}: ${item.goalMet ? "met" : "NOT met"}`;
  console.log(`  reported p50 - kernel p50: ${item.overheadP50} ms (${item.withinOfKernel ? "within" : "NOT within"} ${GOAL_TOLERANCE_MS}); ${goal}${loop}`);
}

function report(baseline: Summary, scenarios: Scenario[]): void {
  const header = [
    "scenario",
    "reported p50",
    "rounds' p50",
    "p95",
    "p99",
    "kernel RTT p50",
    "idle-loop RTT p50",
    "reported - kernel p50",
    `goal: p50 within ${GOAL_TOLERANCE_MS} of ${NOMINAL_RTT_MS}`,
    `p50 within ${GOAL_TOLERANCE_MS} of kernel RTT`,
  ];
  const rows = scenarios.map((item) => [
    item.name,
    item.reported.p50.toFixed(1),
    item.roundMedians.map((value) => value.toFixed(0)).join(" / "),
    item.reported.p95.toFixed(1),
    item.reported.p99.toFixed(1),
    item.kernelRtt.p50.toFixed(1),
    item.idleLoopRtt.p50.toFixed(1),
    item.overheadP50.toFixed(1),
    item.goalMet ? "met" : "not met",
    item.withinOfKernel ? "yes" : "no",
  ]);
  const markdown = [
    `Path: ${ONE_WAY_DELAY_MS} ms each way (nominal RTT ${NOMINAL_RTT_MS} ms). True RTT, bare net.connect on an idle event loop with no load: p50 ${baseline.p50.toFixed(2)} ms, p95 ${baseline.p95.toFixed(2)} ms.`,
    `${CHECKS} checks of ${PORTS.length} open ports each, ${ROUNDS} rounds per scenario pooled; milliseconds. Engine runs here: checks arrive one every ${STAGGER_MS} ms unless said otherwise; ` +
      `a blocked or burning loop runs synchronous ${BUSY_BLOCK_MS} ms blocks back to back.`,
    "",
    markdownTable(header, rows),
  ].join("\n");
  console.log(`\n${markdown}`);
  reportResult({ oneWayDelayMs: ONE_WAY_DELAY_MS, checks: CHECKS, portsPerCheck: PORTS.length, rounds: ROUNDS, staggerMs: STAGGER_MS, busyBlockMs: BUSY_BLOCK_MS, baseline, scenarios }, markdown);
}

await main();
process.exit(0);
