// The real worker process (tsx worker/index.ts), started and killed by tests.
import { type ChildProcess, spawn, type SpawnOptions } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export interface WorkerProcess {
  child: ChildProcess;
  logs: string[];
  /** Resolves with the exit code (or signal name) once the process has ended. */
  exited: Promise<number | string>;
  stop(signal?: NodeJS.Signals): Promise<number | string>;
}

type Spawner = (command: string, args: readonly string[], options: SpawnOptions) => ChildProcess;

/** Starts a worker; `options.spawn` starts it elsewhere (inside a network namespace: ns.spawn). */
export async function startWorker(extraEnv: Record<string, string> = {}, options: { spawn?: Spawner } = {}): Promise<WorkerProcess> {
  // One process (no tsx CLI wrapper), so that a signal reaches the worker itself.
  const starter: Spawner = options.spawn ?? ((command, args, spawnOptions) => spawn(command, [...args], spawnOptions));
  const child = starter(process.execPath, ["--import", "tsx", "worker/index.ts"], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: "info", ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: string[] = [];
  const exited = once(child, "exit").then(([code, signal]) => (code ?? signal) as number | string);
  let onReady: () => void;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on("line", (line) => {
      logs.push(line);
      if (line.includes('"worker ready"')) onReady();
    });
  }
  await Promise.race([
    ready,
    exited.then((code) => {
      throw new Error(`worker exited (${code}) before it was ready:\n${logs.join("\n")}`);
    }),
  ]);
  return {
    child,
    logs,
    exited,
    stop: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
