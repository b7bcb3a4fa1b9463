// The real web process (node --import tsx server.ts) as a child of a test: started on a loopback port, ready
// once it logs "web server ready", killed and started again by fault tests.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const READY_TIMEOUT_MS = 120_000;

export interface WebProcess {
  child: ChildProcess;
  logs: string[];
  url: string;
  exited: Promise<number | string>;
  stop(signal?: NodeJS.Signals): Promise<number | string>;
}

/**
 * Starts server.ts on 127.0.0.1:`port`. `mode` "development" needs no build (Next.js compiles each route on
 * its first request); "production" serves the build in .next (npm run build).
 */
export async function startWeb(port: number, mode: "development" | "production", extraEnv: Record<string, string> = {}): Promise<WebProcess> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: mode, HOST: "127.0.0.1", PORT: String(port), APP_URL: url, LOG_LEVEL: "info", NEXT_TELEMETRY_DISABLED: "1", ...extraEnv },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const logs: string[] = [];
  const exited = once(child, "exit").then(([code, signal]) => (code ?? signal) as number | string);
  let onReady: () => void;
  const ready = new Promise<void>((resolve) => (onReady = resolve));
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on("line", (line) => {
      logs.push(line);
      if (line.includes('"web server ready"')) onReady();
    });
  }
  let timer: NodeJS.Timeout | undefined;
  const stop = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    return exited;
  };
  try {
    await Promise.race([
      ready,
      exited.then((code) => {
        throw new Error(`web exited (${code}) before it was ready:\n${logs.slice(-30).join("\n")}`);
      }),
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`web not ready within ${READY_TIMEOUT_MS} ms:\n${logs.slice(-30).join("\n")}`)), READY_TIMEOUT_MS))),
    ]);
  } catch (error) {
    await stop("SIGKILL");
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return { child, logs, url, exited, stop };
}
