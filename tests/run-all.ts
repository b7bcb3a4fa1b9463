// `npm test`: every phase of the suite in order (generate, typecheck, unit, faults, browser), each with a time
// budget. A phase that overruns is stopped, process group and all, after the machine's state is printed (the
// busiest processes, load, memory, disk, PostgreSQL's sessions, Redis, leftover namespaces), so a run that
// would hang ends red, in time, with the cause in its output instead of being cut off by CI's own limit.
import { spawn, spawnSync } from "node:child_process";

interface Phase {
  script: string;
  minutes: number;
}

// Measured on a 2-core machine: unit ~10 min, faults ~2 min, browser (build included) ~5 min. Budgets are
// about three times that; together they stay under CI's 90 minutes with the install.
const PHASES: Phase[] = [
  { script: "generate", minutes: 3 },
  { script: "typecheck", minutes: 6 },
  { script: "test:unit", minutes: 35 },
  { script: "test:faults", minutes: 12 },
  { script: "test:e2e", minutes: 25 },
];

const clock = () => new Date().toISOString().slice(11, 19);
const log = (line: string) => process.stdout.write(`\n[run-all ${clock()}] ${line}\n`);

function shell(command: string): string {
  const result = spawnSync("bash", ["-c", command], { encoding: "utf8", timeout: 15_000 });
  return `${result.stdout ?? ""}${result.stderr ?? ""}`.trim() || "(nothing)";
}

function diagnostics(): string {
  const sections: [string, string][] = [
    ["load", "uptime; nproc"],
    ["busiest processes", "ps -eo pid,ppid,etime,pcpu,rss,args --sort=-pcpu | head -n 25 | cut -c1-220"],
    ["memory", "free -m"],
    ["disk", "df -h / /tmp"],
    ["PostgreSQL sessions", "psql -h 127.0.0.1 -U postgres -d postgres -Atc \"select datname, state, wait_event_type, wait_event, now() - query_start, left(query, 120) from pg_stat_activity where backend_type = 'client backend' order by query_start\" 2>&1 | head -n 40"],
    ["Redis", "redis-cli -h 127.0.0.1 info clients | head -n 4; redis-cli -h 127.0.0.1 dbsize; redis-cli -h 127.0.0.1 info memory | grep used_memory_human"],
    ["network namespaces", "ip netns list | head -n 20"],
  ];
  return sections.map(([title, command]) => `--- ${title}\n${shell(command)}`).join("\n");
}

function runPhase(phase: Phase): Promise<number> {
  return new Promise((resolve) => {
    // Its own process group, so that an overrun stops everything it started (servers, browsers, workers).
    const child = spawn("npm", ["run", phase.script], { stdio: "inherit", detached: true });
    const signalGroup = (signal: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // already gone
      }
    };
    const forward = (signal: NodeJS.Signals) => () => signalGroup(signal);
    const onInt = forward("SIGINT");
    const onTerm = forward("SIGTERM");
    process.on("SIGINT", onInt);
    process.on("SIGTERM", onTerm);
    let overran = false;
    const timer = setTimeout(() => {
      overran = true;
      log(`${phase.script} overran its ${phase.minutes} minutes: stopping it. The machine now:\n${diagnostics()}`);
      signalGroup("SIGTERM");
      setTimeout(() => signalGroup("SIGKILL"), 15_000).unref();
    }, phase.minutes * 60_000);
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      process.off("SIGINT", onInt);
      process.off("SIGTERM", onTerm);
      // Whatever the phase left in its group (a server that ignored SIGTERM) goes with it.
      signalGroup("SIGKILL");
      resolve(overran ? 124 : (code ?? (signal ? 1 : 0)));
    });
  });
}

const started = Date.now();
for (const phase of PHASES) {
  const phaseStarted = Date.now();
  log(`${phase.script}: start (budget ${phase.minutes} min)`);
  const code = await runPhase(phase);
  const seconds = Math.round((Date.now() - phaseStarted) / 1000);
  if (code !== 0) {
    log(`${phase.script}: FAILED with code ${code} after ${seconds} s; ${Math.round((Date.now() - started) / 1000)} s in all`);
    process.exit(code);
  }
  log(`${phase.script}: passed in ${seconds} s`);
}
log(`every phase passed in ${Math.round((Date.now() - started) / 1000)} s`);
