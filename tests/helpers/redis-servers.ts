// Throwaway redis-server processes for tests, on loopback only: a TLS-only server with a password (and its own CA),
// or a three-node Redis Cluster of masters. Each server runs from its own temporary directory; stop() kills it and
// removes the directory, and a process "exit" hook kills whatever a test forgot to stop.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { createTestCertificates } from "./certs";
import { CLUSTER_CREATE_TIMEOUT_MS, CLUSTER_SIZE, COMMON_ARGS, LOOPBACK, type ServerProcess, answersPing, execFileAsync, freeClusterPort, freePort, killServer, makeTempDir, removeTempDir, startServer, waitFor, withClient, type RunningRedis } from "./redis-server-process";

export type { RunningRedis } from "./redis-server-process";

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
