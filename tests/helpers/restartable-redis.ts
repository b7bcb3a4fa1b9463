// A private redis-server for fault tests, configured as in production (append-only file, noeviction), that a
// test can kill and start again on the same port and data directory, so clients reconnect to the same URL and
// find the queues as they were.
import { answersPing, freePort, killServer, LOOPBACK, makeTempDir, removeTempDir, type ServerProcess, spawnRedisServer, waitFor } from "./redis-server-process";

export interface RestartableRedis {
  url: string;
  port: number;
  /** Kills the process (SIGKILL: a crash, not a clean shutdown). */
  kill(): Promise<void>;
  /** Starts it again on the same port and directory and waits until it answers. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

const argsFor = (port: number) => ["--bind", LOOPBACK, "--port", String(port), "--save", "", "--appendonly", "yes", "--maxmemory-policy", "noeviction"];

export async function startRestartableRedis(): Promise<RestartableRedis> {
  const dir = makeTempDir("portcheck-redis-faults-");
  const port = await freePort();
  const url = `redis://${LOOPBACK}:${port}`;
  let server: ServerProcess | undefined;
  const start = async () => {
    server = spawnRedisServer(dir, port, argsFor(port));
    await waitFor(`redis-server on ${LOOPBACK}:${port}`, [server], answersPing(url, {}));
  };
  const kill = async () => {
    if (!server) return;
    server.child.kill("SIGKILL");
    await killServer(server);
  };
  await start();
  return {
    url,
    port,
    kill,
    start,
    stop: async () => {
      if (server) await killServer(server);
      removeTempDir(dir);
    },
  };
}
