// Benchmark (issue "Fast and proven", speed 2): the probe engine's wall time over many ports, against a
// bare net.connect loop with the same parallelism and against nmap -sT, in the same run. 1,000 open ports
// (listeners on 127.0.0.2 that greet and close, so a conversation ends at once), 1,000 closed ports on
// 127.0.0.2, and (as root) 100 silent ports in a network namespace behind a DROP rule, against the timeout.
// The engine runs as the worker runs it: runEngine on the probe thread, PROBE_PARALLELISM at a time,
// the check options (TLS auto, banner on). "engine, banner off" is the same with connect-only probes.
// Run: npm run bench -- probe-engine   (BENCH_SCALE=quick: 200 of each, 50 silent)
import { execFile } from "node:child_process";
import { once } from "node:events";
import { createServer, type Server, Socket } from "node:net";
import { promisify } from "node:util";
import { BENCH_ENV, BENCH_SCALE, isRoot, markdownTable, NAMESPACE_ALLOWLIST, reportResult, scaled } from "./support";

Object.assign(process.env, BENCH_ENV, { TARGET_ALLOWLIST: `127.0.0.2/32,${NAMESPACE_ALLOWLIST}` });
const { runEngine } = await import("../lib/probes/engine");
const { createThreadRunner } = await import("../lib/probes/thread-runner");
const { env } = await import("../lib/env");
const { createNamespace } = await import("../tests/helpers/netns");
const { closedPort } = await import("../tests/helpers/listeners");

const HOST = "127.0.0.2";
const OPEN = scaled(1000, 200);
const CLOSED = scaled(1000, 200);
const SILENT = scaled(100, 50);
const ROUNDS = scaled(3, 2);
const TIMEOUT_MS = 1000;
const PARALLELISM = env().PROBE_PARALLELISM;
const NMAP = process.env.NMAP ?? "/usr/bin/nmap";
const execFileAsync = promisify(execFile);

async function listen(): Promise<Server> {
  const server = createServer((socket) => {
    socket.on("error", () => {});
    socket.end("SSH-2.0-bench\r\n");
  });
  server.listen(0, HOST);
  await once(server, "listening");
  return server;
}
const servers: Server[] = [];
for (let i = 0; i < OPEN; i++) servers.push(await listen());
const openPorts = servers.map((server) => (server.address() as { port: number }).port);
const closedPorts = new Set<number>();
while (closedPorts.size < CLOSED) closedPorts.add(await closedPort(HOST));
const closedList = [...closedPorts];

const runner = createThreadRunner();
async function engine(address: string, family: 4 | 6, ports: readonly number[], banner: boolean): Promise<{ ms: number; states: Record<string, number> }> {
  const states: Record<string, number> = {};
  const started = performance.now();
  await runEngine(
    { kind: "tcp", addresses: [{ address, family }], ports, parallelism: PARALLELISM, options: { timeoutMs: TIMEOUT_MS, tls: "auto", banner } },
    {
      // Every probe the engine asks for, by reason: more probes than ports means second asks (silences).
      runner: async (kind, target, options) => {
        const verdict = await runner.run(kind, target, options);
        states[`probe:${verdict.reason}`] = (states[`probe:${verdict.reason}`] ?? 0) + 1;
        return verdict;
      },
      onResult: ({ verdict }) => void (states[verdict.state] = (states[verdict.state] ?? 0) + 1),
    },
  );
  return { ms: performance.now() - started, states };
}

/** connect(), then close at the first answer: what any TCP connect scan has to do at least. */
async function bare(address: string, ports: readonly number[]): Promise<{ ms: number; states: Record<string, number> }> {
  const states: Record<string, number> = {};
  const one = (port: number) =>
    new Promise<void>((resolve) => {
      const socket = new Socket();
      const done = (state: string) => {
        states[state] = (states[state] ?? 0) + 1;
        socket.destroy();
        resolve();
      };
      socket.setTimeout(TIMEOUT_MS, () => done("filtered"));
      socket.once("connect", () => done("open"));
      socket.once("error", () => done("closed"));
      socket.connect({ host: address, port });
    });
  const started = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(PARALLELISM, ports.length) }, async () => {
    while (next < ports.length) await one(ports[next++]!);
  }));
  return { ms: performance.now() - started, states };
}

async function nmap(address: string, ports: readonly number[]): Promise<{ ms: number; states: Record<string, number> } | null> {
  const states: Record<string, number> = {};
  const started = performance.now();
  try {
    const { stdout } = await execFileAsync(NMAP, ["-sT", "-Pn", "-n", "-oG", "-", "-p", ports.join(","), address], { maxBuffer: 1 << 24 });
    const ms = performance.now() - started;
    for (const match of stdout.matchAll(/(\d+)\/(open|closed|filtered)\/tcp/g)) states[match[2]!] = (states[match[2]!] ?? 0) + 1;
    const ignored = /Ignored State: (\w+) \((\d+)\)/.exec(stdout);
    if (ignored) states[ignored[1]!] = (states[ignored[1]!] ?? 0) + Number(ignored[2]);
    return { ms, states };
  } catch (error) {
    console.log(`nmap not run: ${(error as Error).message.split("\n")[0]}`);
    return null;
  }
}

interface Row {
  set: string;
  tool: string;
  ms: number[];
  states: Record<string, number>;
}
const rows: Row[] = [];
async function measure(set: string, tool: string, go: () => Promise<{ ms: number; states: Record<string, number> } | null>) {
  const times: number[] = [];
  const states: Record<string, number> = {};
  for (let round = 0; round < ROUNDS; round++) {
    const outcome = await go();
    if (!outcome) return;
    times.push(Math.round(outcome.ms));
    for (const [key, count] of Object.entries(outcome.states)) states[key] = (states[key] ?? 0) + count;
  }
  rows.push({ set, tool, ms: times, states });
  console.log(`${set}, ${tool}: ${times.join(" / ")} ms  ${JSON.stringify(states)} (all rounds)`);
}

const sets: { name: string; address: string; family: 4 | 6; ports: readonly number[] }[] = [
  { name: `${OPEN} open`, address: HOST, family: 4, ports: openPorts },
  { name: `${CLOSED} closed`, address: HOST, family: 4, ports: closedList },
];
let ns: Awaited<ReturnType<typeof createNamespace>> | null = null;
if (isRoot()) {
  ns = await createNamespace();
  await ns.nft(`table inet portcheck_test { chain input { type filter hook input priority 0; policy accept; tcp dport 7000-7999 drop; }; }`);
  sets.push({ name: `${SILENT} silent (DROP)`, address: ns.nsAddress4, family: 4, ports: Array.from({ length: SILENT }, (_, i) => 7000 + i) });
} else console.log("not root: the silent ports (a network namespace) are skipped");

await engine(HOST, 4, openPorts.slice(0, 50), true); // warm-up: the thread, the JIT
for (const set of sets) {
  await measure(set.name, "engine (worker's options)", () => engine(set.address, set.family, set.ports, true));
  await measure(set.name, "engine, banner off", () => engine(set.address, set.family, set.ports, false));
  await measure(set.name, "bare net.connect", () => bare(set.address, set.ports));
  await measure(set.name, "nmap -sT", () => nmap(set.address, set.ports));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
const ratio = (set: string, tool: string, reference: string) => {
  const a = rows.find((row) => row.set === set && row.tool === tool);
  const b = rows.find((row) => row.set === set && row.tool === reference);
  return a && b ? Math.round((median(a.ms) / median(b.ms)) * 100) / 100 : null;
};
const table = rows.map((row) => [
  row.set,
  row.tool,
  median(row.ms),
  row.ms.join(" / "),
  ratio(row.set, row.tool, "bare net.connect") ?? "-",
  ratio(row.set, row.tool, "nmap -sT") ?? "-",
  Object.entries(row.states).map(([state, count]) => `${state} ${count}`).join(", "),
]);
const silentSet = sets.find((set) => set.name.includes("silent"));
const silentEngine = silentSet ? rows.find((row) => row.set === silentSet.name && row.tool.startsWith("engine (")) : undefined;
const goals = sets
  .filter((set) => !set.name.includes("silent"))
  .map((set) => `${set.name}: engine / nmap = ${ratio(set.name, "engine (worker's options)", "nmap -sT") ?? "n/a"} (goal <= 2)`);
if (silentEngine) goals.push(`${silentSet!.name}: engine ${median(silentEngine.ms)} ms for a timeout of ${TIMEOUT_MS} ms (goal: about one timeout)`);
console.log(goals.join("\n"));
const markdown = [
  `${BENCH_SCALE} scale; parallelism ${PARALLELISM} (PROBE_PARALLELISM), timeout ${TIMEOUT_MS} ms, ${ROUNDS} rounds, median shown. Open ports greet and close.`,
  "",
  markdownTable(["ports", "tool", "median ms", "each round ms", "x bare", "x nmap", "verdicts (all rounds; probe: the engine's probes by reason)"], table),
  "",
  ...goals.map((goal) => `- ${goal}`),
].join("\n");
reportResult({ scale: BENCH_SCALE, parallelism: PARALLELISM, timeoutMs: TIMEOUT_MS, rounds: ROUNDS, rows, goals }, markdown);

await runner.close();
for (const server of servers) server.close();
await ns?.destroy();
process.exit(0);
