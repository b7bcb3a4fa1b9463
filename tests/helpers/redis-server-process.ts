// The processes behind tests/helpers/redis-servers.ts: free loopback ports, a redis-server in a temporary
// directory, waiting for it to answer, and stopping it (with an exit hook for whatever a test forgot).
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { Redis, type RedisOptions } from "ioredis";

export interface RunningRedis {
  urls: string[];
  password?: string;
  caFile?: string;
  stop(): Promise<void>;
}

export const LOOPBACK = "127.0.0.1";
export const READY_TIMEOUT_MS = 10_000;
export const STOP_GRACE_MS = 3_000;
export const PROBE_TIMEOUT_MS = 1_000;
export const POLL_INTERVAL_MS = 100;
export const START_ATTEMPTS = 3;
export const CLUSTER_SIZE = 3;
export const CLUSTER_BUS_OFFSET = 10_000;
export const MAX_CLUSTER_PORT = 55_000;
export const CLUSTER_CREATE_TIMEOUT_MS = 20_000;
export const OUTPUT_LIMIT = 16_384;

export const execFileAsync = promisify(execFile);
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------------------------
// Leftovers: every live child and temporary directory, killed and removed if the test process exits first.

export const liveChildren = new Set<ChildProcess>();
export const liveDirs = new Set<string>();
let exitHookInstalled = false;

export function cleanUpOnExit(): void {
  for (const child of liveChildren) child.kill("SIGKILL");
  for (const dir of liveDirs) rmSync(dir, { recursive: true, force: true });
}

export function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", cleanUpOnExit);
}

export function makeTempDir(prefix: string): string {
  installExitHook();
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  liveDirs.add(dir);
  return dir;
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  liveDirs.delete(dir);
}

// ---------------------------------------------------------------------------------------------------------------
// Ports: the kernel picks a free one; a cluster node also needs port + 10000 (its bus port) free.

export function tryListen(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(undefined));
    server.listen(port, LOOPBACK, () => {
      const address = server.address();
      const bound = address && typeof address === "object" ? address.port : undefined;
      server.close(() => resolve(bound));
    });
  });
}

export async function freePort(): Promise<number> {
  const port = await tryListen(0);
  if (port === undefined) throw new Error(`Could not find a free port on ${LOOPBACK}`);
  return port;
}

/** A free port below 55000 whose bus port (+10000) is free too, and neither clashes with `taken`. */
export async function freeClusterPort(taken: Set<number>): Promise<number> {
  for (let attempt = 0; attempt < 200; attempt++) {
    let port = await freePort();
    if (port >= MAX_CLUSTER_PORT) port = 20_000 + Math.floor(Math.random() * (MAX_CLUSTER_PORT - 20_000));
    const clashes = [port, port + CLUSTER_BUS_OFFSET].some((p) => taken.has(p));
    if (clashes || (await tryListen(port)) === undefined || (await tryListen(port + CLUSTER_BUS_OFFSET)) === undefined) continue;
    taken.add(port).add(port + CLUSTER_BUS_OFFSET);
    return port;
  }
  throw new Error(`Could not find a free cluster port pair on ${LOOPBACK}`);
}

// ---------------------------------------------------------------------------------------------------------------
// One redis-server process.

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  /** The last OUTPUT_LIMIT characters of its stdout and stderr. */
  output(): string;
  exited: Promise<void>;
}

export function isRunning(server: ServerProcess): boolean {
  return server.child.pid !== undefined && server.child.exitCode === null && server.child.signalCode === null;
}

export function spawnRedisServer(dir: string, port: number, args: string[]): ServerProcess {
  installExitHook();
  const child = spawn("redis-server", ["--dir", dir, ...args], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const append = (text: string) => (output = (output + text).slice(-OUTPUT_LIMIT));
  child.stdout?.on("data", (chunk: Buffer) => append(chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => append(chunk.toString()));
  const exited = new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.once("error", (error) => {
      append(`\n[spawn redis-server failed: ${error.message}]\n`);
      resolve();
    });
  });
  liveChildren.add(child);
  void exited.then(() => liveChildren.delete(child));
  return { child, port, output: () => output, exited };
}

/** SIGTERM, then SIGKILL after STOP_GRACE_MS; resolves once the process has exited. */
export async function killServer(server: ServerProcess): Promise<void> {
  if (isRunning(server)) {
    server.child.kill("SIGTERM");
    const timer = setTimeout(() => server.child.kill("SIGKILL"), STOP_GRACE_MS);
    await server.exited;
    clearTimeout(timer);
  }
  liveChildren.delete(server.child);
}

export function describeOutput(server: ServerProcess): string {
  const status = isRunning(server) ? "still running" : `exited (code ${server.child.exitCode}, signal ${server.child.signalCode})`;
  return `redis-server on port ${server.port}, ${status}; its output:\n${server.output().trim() || "(none)"}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Readiness: poll with short-lived ioredis clients until a check passes, the server dies, or 10 s pass.

export const PROBE_OPTIONS: RedisOptions = {
  lazyConnect: true,
  connectTimeout: PROBE_TIMEOUT_MS,
  commandTimeout: PROBE_TIMEOUT_MS,
  maxRetriesPerRequest: 0,
  retryStrategy: () => null,
};

export async function withClient<T>(url: string, options: RedisOptions, use: (client: Redis) => Promise<T>): Promise<T> {
  const client = new Redis(url, { ...PROBE_OPTIONS, ...options });
  client.on("error", () => {});
  try {
    await client.connect();
    return await use(client);
  } finally {
    client.disconnect();
  }
}

export async function waitFor(what: string, servers: ServerProcess[], check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastProblem = "no answer yet";
  for (;;) {
    const dead = servers.find((server) => !isRunning(server));
    if (dead) throw new Error(`${what}: redis-server stopped before it was ready.\n${describeOutput(dead)}`);
    try {
      if (await check()) return;
      lastProblem = "check not passed yet";
    } catch (error) {
      lastProblem = (error as Error).message;
    }
    if (Date.now() >= deadline) {
      throw new Error(`${what}: not ready within ${READY_TIMEOUT_MS / 1000} s (last: ${lastProblem}).\n${servers.map(describeOutput).join("\n")}`);
    }
    await sleep(POLL_INTERVAL_MS);
  }
}

export const answersPing = (url: string, options: RedisOptions) => () => withClient(url, options, async (client) => (await client.ping()) === "PONG");

/**
 * Spawn a server on a port from `pickPort` and wait until `ready(port)` passes; if it lost a race for its port
 * ("Address already in use"), try again on new ports.
 */
export async function startServer(
  dir: string,
  pickPort: () => Promise<number>,
  argsFor: (port: number) => string[],
  ready: (port: number) => () => Promise<boolean>,
): Promise<ServerProcess> {
  for (let attempt = 1; ; attempt++) {
    const port = await pickPort();
    const server = spawnRedisServer(dir, port, argsFor(port));
    try {
      await waitFor(`redis-server on ${LOOPBACK}:${port}`, [server], ready(port));
      return server;
    } catch (error) {
      await killServer(server);
      if (attempt >= START_ATTEMPTS || !server.output().includes("Address already in use")) throw error;
    }
  }
}

export const COMMON_ARGS = ["--bind", LOOPBACK, "--save", "", "--appendonly", "no"];

// ---------------------------------------------------------------------------------------------------------------
// TLS-only server.
