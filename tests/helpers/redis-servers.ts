// Throwaway redis-server processes for tests, on loopback only: a TLS-only server with a password (and its own CA),
// or a three-node Redis Cluster of masters. Each server runs from its own temporary directory; stop() kills it and
// removes the directory, and a process "exit" hook kills whatever a test forgot to stop.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { Redis, type RedisOptions } from "ioredis";
import { createTestCertificates } from "./certs";

export interface RunningRedis {
  urls: string[];
  password?: string;
  caFile?: string;
  stop(): Promise<void>;
}

const LOOPBACK = "127.0.0.1";
const READY_TIMEOUT_MS = 10_000;
const STOP_GRACE_MS = 3_000;
const PROBE_TIMEOUT_MS = 1_000;
const POLL_INTERVAL_MS = 100;
const START_ATTEMPTS = 3;
const CLUSTER_SIZE = 3;
const CLUSTER_BUS_OFFSET = 10_000;
const MAX_CLUSTER_PORT = 55_000;
const CLUSTER_CREATE_TIMEOUT_MS = 20_000;
const OUTPUT_LIMIT = 16_384;

const execFileAsync = promisify(execFile);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

// ---------------------------------------------------------------------------------------------------------------
// Leftovers: every live child and temporary directory, killed and removed if the test process exits first.

const liveChildren = new Set<ChildProcess>();
const liveDirs = new Set<string>();
let exitHookInstalled = false;

function cleanUpOnExit(): void {
  for (const child of liveChildren) child.kill("SIGKILL");
  for (const dir of liveDirs) rmSync(dir, { recursive: true, force: true });
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once("exit", cleanUpOnExit);
}

function makeTempDir(prefix: string): string {
  installExitHook();
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  liveDirs.add(dir);
  return dir;
}

function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  liveDirs.delete(dir);
}

// ---------------------------------------------------------------------------------------------------------------
// Ports: the kernel picks a free one; a cluster node also needs port + 10000 (its bus port) free.

function tryListen(port: number): Promise<number | undefined> {
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

async function freePort(): Promise<number> {
  const port = await tryListen(0);
  if (port === undefined) throw new Error(`Could not find a free port on ${LOOPBACK}`);
  return port;
}

/** A free port below 55000 whose bus port (+10000) is free too, and neither clashes with `taken`. */
async function freeClusterPort(taken: Set<number>): Promise<number> {
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

interface ServerProcess {
  child: ChildProcess;
  port: number;
  /** The last OUTPUT_LIMIT characters of its stdout and stderr. */
  output(): string;
  exited: Promise<void>;
}

function isRunning(server: ServerProcess): boolean {
  return server.child.pid !== undefined && server.child.exitCode === null && server.child.signalCode === null;
}

function spawnRedisServer(dir: string, port: number, args: string[]): ServerProcess {
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
async function killServer(server: ServerProcess): Promise<void> {
  if (isRunning(server)) {
    server.child.kill("SIGTERM");
    const timer = setTimeout(() => server.child.kill("SIGKILL"), STOP_GRACE_MS);
    await server.exited;
    clearTimeout(timer);
  }
  liveChildren.delete(server.child);
}

function describeOutput(server: ServerProcess): string {
  const status = isRunning(server) ? "still running" : `exited (code ${server.child.exitCode}, signal ${server.child.signalCode})`;
  return `redis-server on port ${server.port}, ${status}; its output:\n${server.output().trim() || "(none)"}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Readiness: poll with short-lived ioredis clients until a check passes, the server dies, or 10 s pass.

const PROBE_OPTIONS: RedisOptions = {
  lazyConnect: true,
  connectTimeout: PROBE_TIMEOUT_MS,
  commandTimeout: PROBE_TIMEOUT_MS,
  maxRetriesPerRequest: 0,
  retryStrategy: () => null,
};

async function withClient<T>(url: string, options: RedisOptions, use: (client: Redis) => Promise<T>): Promise<T> {
  const client = new Redis(url, { ...PROBE_OPTIONS, ...options });
  client.on("error", () => {});
  try {
    await client.connect();
    return await use(client);
  } finally {
    client.disconnect();
  }
}

async function waitFor(what: string, servers: ServerProcess[], check: () => Promise<boolean>): Promise<void> {
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

const answersPing = (url: string, options: RedisOptions) => () => withClient(url, options, async (client) => (await client.ping()) === "PONG");

/**
 * Spawn a server on a port from `pickPort` and wait until `ready(port)` passes; if it lost a race for its port
 * ("Address already in use"), try again on new ports.
 */
async function startServer(
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

const COMMON_ARGS = ["--bind", LOOPBACK, "--save", "", "--appendonly", "no"];

// ---------------------------------------------------------------------------------------------------------------
// TLS-only server.

function tlsArgs(port: number, password: string, files: { cert: string; key: string; ca: string }): string[] {
  return [...COMMON_ARGS, "--port", "0", "--tls-port", String(port)]
    .concat(["--tls-cert-file", files.cert, "--tls-key-file", files.key, "--tls-ca-cert-file", files.ca])
    .concat(["--tls-auth-clients", "no", "--requirepass", password]);
}

const tlsUrl = (port: number, password: string) => `rediss://:${encodeURIComponent(password)}@${LOOPBACK}:${port}`;

/** One redis-server on a free loopback port with TLS only (port 0 for plain TCP), requirepass set, certificate for 127.0.0.1 signed by a throwaway CA written to a temp dir. urls: ["rediss://:<password>@127.0.0.1:<tlsport>"]. caFile: path of the CA PEM. */
export async function startRedisTls(options: { password?: string } = {}): Promise<RunningRedis> {
  const password = options.password ?? randomBytes(16).toString("hex");
  const dir = makeTempDir("portcheck-redis-tls-");
  try {
    const certs = createTestCertificates(dir, { dnsNames: [], ips: [LOOPBACK] });
    const files = { cert: certs.good.certFile, key: certs.good.keyFile, ca: certs.caFile };
    const tls = { ca: readFileSync(certs.caFile) };
    const server = await startServer(dir, freePort, (port) => tlsArgs(port, password, files), (port) => answersPing(tlsUrl(port, password), { tls }));
    return {
      urls: [tlsUrl(server.port, password)],
      password,
      caFile: certs.caFile,
      stop: async () => {
        await killServer(server);
        removeTempDir(dir);
      },
    };
  } catch (error) {
    removeTempDir(dir);
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Three-node cluster.

interface ClusterNode {
  dir: string;
  server: ServerProcess;
}

const plainUrl = (port: number) => `redis://${LOOPBACK}:${port}`;

function clusterNodeArgs(dir: string, port: number): string[] {
  return ["--cluster-enabled", "yes", "--cluster-config-file", path.join(dir, "nodes.conf"), "--port", String(port)]
    .concat([...COMMON_ARGS, "--protected-mode", "no"]);
}

async function startClusterNode(taken: Set<number>): Promise<ClusterNode> {
  const dir = makeTempDir("portcheck-redis-cluster-");
  try {
    const server = await startServer(dir, () => freeClusterPort(taken), (port) => clusterNodeArgs(dir, port), (port) => answersPing(plainUrl(port), {}));
    return { dir, server };
  } catch (error) {
    removeTempDir(dir);
    throw error;
  }
}

async function stopClusterNode(node: ClusterNode): Promise<void> {
  await killServer(node.server);
  removeTempDir(node.dir);
}

async function createCluster(nodes: ClusterNode[]): Promise<void> {
  const addresses = nodes.map((node) => `${LOOPBACK}:${node.server.port}`);
  try {
    await execFileAsync("redis-cli", ["--cluster", "create", ...addresses, "--cluster-replicas", "0", "--cluster-yes"], { timeout: CLUSTER_CREATE_TIMEOUT_MS });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`redis-cli --cluster create failed: ${(error as Error).message}\n${stdout ?? ""}${stderr ?? ""}`);
  }
}

const clusterStateOk = (port: number) => () =>
  withClient(plainUrl(port), {}, async (client) => /^cluster_state:ok\r?$/m.test(await client.cluster("INFO")));

async function waitForClusterOk(nodes: ClusterNode[]): Promise<void> {
  const servers = nodes.map((node) => node.server);
  const allOk = async () => (await Promise.all(servers.map((server) => clusterStateOk(server.port)()))).every(Boolean);
  await waitFor("Redis Cluster (cluster_state:ok on every node)", servers, allOk);
}

/** A three-node Redis Cluster (masters only, no replicas) on free loopback ports: `redis-server --cluster-enabled yes --cluster-config-file <tmp> --port P --save "" --appendonly no --bind 127.0.0.1 --protected-mode no`, then `redis-cli --cluster create 127.0.0.1:P1 127.0.0.1:P2 127.0.0.1:P3 --cluster-replicas 0 --cluster-yes`, and wait until `CLUSTER INFO` says cluster_state:ok on every node. urls: one "redis://127.0.0.1:P" per node. */
export async function startRedisCluster(): Promise<RunningRedis> {
  const taken = new Set<number>();
  const nodes: ClusterNode[] = [];
  const stop = () => Promise.all(nodes.map(stopClusterNode)).then(() => undefined);
  try {
    for (let i = 0; i < CLUSTER_SIZE; i++) nodes.push(await startClusterNode(taken));
    await createCluster(nodes);
    await waitForClusterOk(nodes);
  } catch (error) {
    await stop();
    throw error;
  }
  return { urls: nodes.map((node) => plainUrl(node.server.port)), stop };
}
