// Creating namespaces: the first one of a process clears stale leftovers and installs the guard routes,
// and exit hooks make sure a test process never leaves its namespaces behind, even when it is killed.
import { cleanupStaleNamespaces } from "./cleanup";
import { MAX_INDEX, MIN_INDEX } from "./names";
import { live, NamespaceImpl } from "./namespace";
import { run } from "./shell";
import type { Namespace, NamespaceOptions } from "./types";

let counter = 0;
let prepared: Promise<void> | undefined;
let exitHooksInstalled = false;

/** Creates a namespace standing in for a remote host, reachable from the host over IPv4 and IPv6. */
export async function createNamespace(options: NamespaceOptions = {}): Promise<Namespace> {
  const delayMs = options.delayMs ?? 0;
  if (!(delayMs >= 0)) throw new Error(`delayMs must be >= 0, got ${delayMs}`);
  installExitHooks();
  prepared ??= cleanupStaleNamespaces().then(addGuardRoutes);
  await prepared;

  const index = await claimIndex();
  const ns = new NamespaceImpl(index, delayMs);
  live.add(ns);
  try {
    await ns.setUp(options);
  } catch (error) {
    await ns.destroy();
    throw error;
  }
  return ns;
}

/** Picks a free N: spread by pid so parallel processes rarely collide, and made atomic by the veth name. */
async function claimIndex(): Promise<number> {
  const span = MAX_INDEX - MIN_INDEX + 1;
  const start = (process.pid * 37 + counter++) % span;
  for (let i = 0; i < span; i++) {
    const index = MIN_INDEX + ((start + i) % span);
    try {
      await run("ip", ["link", "add", `pct${index}-h`, "type", "veth", "peer", "name", `pct${index}-n`]);
      return index;
    } catch (error) {
      if (!String(error).includes("File exists")) throw error;
    }
  }
  throw new Error(`no free namespace index in ${MIN_INDEX}..${MAX_INDEX}`);
}

/**
 * Any 10.77.0.0/16 or fd77::/64 address without a namespace behind it would otherwise follow the default
 * route off the machine. These routes are less specific than every namespace's, are shared by all test
 * processes and are left in place: they only ever turn a stray packet into an immediate error.
 */
async function addGuardRoutes(): Promise<void> {
  for (const prefix of ["10.77.0.0/16", "fd77::/64"]) {
    await run("ip", ["route", "add", "unreachable", prefix]).catch((error: unknown) => {
      if (!String(error).includes("File exists")) throw error;
    });
  }
}

function installExitHooks(): void {
  if (exitHooksInstalled) return;
  exitHooksInstalled = true;
  const cleanup = () => {
    for (const ns of [...live]) ns.destroySync();
  };
  process.on("exit", cleanup);
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    const onSignal = () => {
      cleanup();
      // Our listener replaced the default action (exit); if nobody else handles the signal, restore it.
      if (process.listenerCount(signal) === 1) {
        process.off(signal, onSignal);
        process.kill(process.pid, signal);
      }
    };
    process.on(signal, onSignal);
  }
}
