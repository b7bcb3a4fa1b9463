// A private PostgreSQL cluster for fault tests (initdb in a temporary directory, a free loopback port), that a
// test can stop hard and start again on the same port, unlike the machine's shared server which other work
// uses. PostgreSQL refuses to run as root: as root, its commands run as the "postgres" system user.
import { execFile, spawnSync } from "node:child_process";
import { chownSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { freePort } from "./redis-server-process";

const run = promisify(execFile);
const BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";
const COMMAND_TIMEOUT_MS = 30_000;

export interface PrivatePostgres {
  port: number;
  /** postgresql://postgres@127.0.0.1:<port>/<database> */
  url(database: string): string;
  /** `pg_ctl stop -m immediate`: every backend is killed at once, as in a crash; recovery replays the WAL. */
  kill(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

const asRoot = userInfo().uid === 0;
function pgCommand(name: string, args: string[]) {
  const binary = path.join(BIN, name);
  return asRoot ? run("runuser", ["-u", "postgres", "--", binary, ...args], { timeout: COMMAND_TIMEOUT_MS }) : run(binary, args, { timeout: COMMAND_TIMEOUT_MS });
}

const stopHooks = new Set<() => void>();
let hookInstalled = false;

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const dir = mkdtempSync(path.join(tmpdir(), "portcheck-pg-faults-"));
  if (asRoot) {
    const { uid, gid } = await run("id", ["-u", "postgres"]).then(async ({ stdout }) => ({ uid: Number(stdout), gid: Number((await run("id", ["-g", "postgres"])).stdout) }));
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, "data");
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=100`;
  const ctl = (args: string[]) => pgCommand("pg_ctl", ["-D", data, "-l", path.join(dir, "log"), ...args]);
  const forceStop = () => {
    const stop = [path.join(BIN, "pg_ctl"), "-D", data, "-m", "immediate", "stop"];
    spawnSync(asRoot ? "runuser" : stop[0]!, asRoot ? ["-u", "postgres", "--", ...stop] : stop.slice(1), { timeout: 10_000, stdio: "ignore" });
    rmSync(dir, { recursive: true, force: true });
  };
  await pgCommand("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"]);
  stopHooks.add(forceStop);
  if (!hookInstalled) {
    hookInstalled = true;
    // Synchronous at exit: a cluster a test forgot keeps running otherwise.
    process.once("exit", () => {
      for (const hook of stopHooks) hook();
    });
  }
  const start = async () => {
    await ctl(["-o", options, "-w", "-t", "20", "start"]);
  };
  await start();
  return {
    port,
    url: (database) => `postgresql://postgres@127.0.0.1:${port}/${database}`,
    kill: async () => {
      await ctl(["-m", "immediate", "-w", "stop"]);
    },
    start,
    stop: async () => {
      stopHooks.delete(forceStop);
      await ctl(["-m", "immediate", "-w", "stop"]).catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
