// Throw-away network namespaces that stand in for remote hosts: a veth link from the host, addresses in
// 10.77.N.0/24 and fd77::N:0/112, nftables inside to play a firewall, and optionally a slow path through
// tests/helpers/tun-delay.py. Needs root. Nothing here ever routes outside the host: the namespaces have no
// default route and the host gets unreachable guard routes for 10.77.0.0/16 and fd77::/64.
import { type ChildProcess, execFileSync, spawn, type SpawnOptions } from "node:child_process";
import { once } from "node:events";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

/** Every namespace we create is called `pctest-<N>-<creating pid>`; cleanupStaleNamespaces() relies on it. */
export const NAMESPACE_PREFIX = "pctest-";
const NAME_PATTERN = /^pctest-(\d+)-(\d+)$/;
// Host-side links are `pct<N>-h` (veth) and `pct<N>-a` (TUN); their peers `pct<N>-n` and `pct<N>-b` live
// inside the namespace. The veth name is what claims N: creating it fails if another process holds N.
const LINK_PATTERN = /^pct(\d+)-[hnab]$/;
const OWNER_ALIAS = "pctest-pid-";
const MIN_INDEX = 2;
const MAX_INDEX = 250;

export interface NamespaceOptions {
  /**
   * One-way delay in ms on the path between the host and the namespace's addresses (so a TCP connect
   * takes ~2 × delayMs). TCP, UDP and ICMP for nsAddress4/nsAddress6 go through the relay in both
   * directions; the absent addresses stay on the plain veth. Default 0: no relay.
   */
  delayMs?: number;
  /**
   * Turn off the per-destination ICMP error rate limit inside the namespace (net.ipv4.icmp_ratelimit and
   * net.ipv6.icmp.ratelimit = 0). Off by default because some tests must see the kernel's real limit:
   * a burst of ~6 errors per destination, then 1/s for IPv4 and 10/s for IPv6.
   */
  disableIcmpRateLimit?: boolean;
}

export interface NamespacePort {
  port: number;
  /** Ends the listener (it also ends by itself when this process dies). */
  close(): Promise<void>;
}

export interface Namespace {
  /** The namespace name, for `ip netns exec` / `ip -n`. */
  readonly name: string;
  /** N: the third octet of the IPv4 subnet, unique among live namespaces on this host. */
  readonly index: number;
  /** The host's end: 10.77.N.1 and fd77::N:1. */
  readonly hostAddress4: string;
  readonly hostAddress6: string;
  /** The namespace's end, the "remote host": 10.77.N.2 and fd77::N:2. */
  readonly nsAddress4: string;
  readonly nsAddress6: string;
  /**
   * On-link addresses that nobody owns (10.77.N.99, fd77::N:99): ARP / neighbour discovery fails, so a
   * connect ends in EHOSTUNREACH after ~3 s. Always over the plain veth, even with delayMs.
   */
  readonly absentAddress4: string;
  readonly absentAddress6: string;
  /** The veth end on the host (the namespace's end is the same name with -n instead of -h). */
  readonly hostInterface: string;
  readonly delayMs: number;
  /** Runs a command inside the namespace and resolves with its stdout; rejects with its stderr. */
  exec(command: string, args?: readonly string[], options?: { input?: string }): Promise<string>;
  /** Starts a process inside the namespace (a server the test talks to); destroy() kills it. */
  spawn(command: string, args?: readonly string[], options?: SpawnOptions): ChildProcess;
  /**
   * A TCP listener inside the namespace on both nsAddress4 and nsAddress6 that accepts and echoes.
   * Port 0 picks a free one; the namespace has its own port space, so fixed ports are fine too.
   */
  openPort(port?: number): Promise<NamespacePort>;
  /**
   * Replaces the namespace's nftables ruleset with `rules` (text for `nft -f -`, e.g.
   * `table inet portcheck_test { chain input { type filter hook input priority 0; tcp dport 81 drop; }; }`).
   * The swap is atomic, so no packet sees a half-loaded firewall.
   */
  nft(rules: string): Promise<void>;
  /** Removes every nftables rule inside the namespace. */
  flushNft(): Promise<void>;
  /** Kills what runs inside, deletes the namespace, its veth and TUN devices. Safe to call twice. */
  destroy(): Promise<void>;
}

const helpersDir = path.dirname(fileURLToPath(import.meta.url));
const live = new Set<NamespaceImpl>();
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

/**
 * Deletes namespaces and links named by this module whose creating process is gone (a crashed or killed
 * test run). Namespaces of live processes, including parallel test files, are left alone.
 */
export async function cleanupStaleNamespaces(): Promise<void> {
  for (const name of await listNamespaces()) {
    const match = NAME_PATTERN.exec(name);
    if (!match || isAlive(Number(match[2]))) continue;
    await killNamespaceProcesses(name);
    await run("ip", ["netns", "del", name]).catch(() => {});
  }
  // A link outlives its namespace only if a run died between creating and moving it; its alias names the owner.
  const links = JSON.parse(await run("ip", ["-j", "link", "show"])) as { ifname: string; ifalias?: string }[];
  for (const link of links) {
    if (!LINK_PATTERN.test(link.ifname) || !link.ifalias?.startsWith(OWNER_ALIAS)) continue;
    if (isAlive(Number(link.ifalias.slice(OWNER_ALIAS.length)))) continue;
    await run("ip", ["link", "del", link.ifname]).catch(() => {});
  }
}

class NamespaceImpl implements Namespace {
  readonly name: string;
  readonly hostAddress4: string;
  readonly nsAddress4: string;
  readonly absentAddress4: string;
  readonly hostAddress6: string;
  readonly nsAddress6: string;
  readonly absentAddress6: string;
  readonly hostInterface: string;
  private readonly nsInterface: string;
  private readonly children = new Set<ChildProcess>();
  private relay: ChildProcess | undefined;
  private destroying: Promise<void> | undefined;

  constructor(
    readonly index: number,
    readonly delayMs: number,
  ) {
    this.name = `${NAMESPACE_PREFIX}${index}-${process.pid}`;
    this.hostAddress4 = `10.77.${index}.1`;
    this.nsAddress4 = `10.77.${index}.2`;
    this.absentAddress4 = `10.77.${index}.99`;
    // The decimal N is used as a hex group so the IPv6 addresses read like the IPv4 ones.
    this.hostAddress6 = `fd77::${index}:1`;
    this.nsAddress6 = `fd77::${index}:2`;
    this.absentAddress6 = `fd77::${index}:99`;
    this.hostInterface = `pct${index}-h`;
    this.nsInterface = `pct${index}-n`;
  }

  async setUp(options: NamespaceOptions): Promise<void> {
    await run("ip", ["netns", "add", this.name]);
    await ipBatch(
      [],
      [
        `link set dev ${this.hostInterface} alias ${OWNER_ALIAS}${process.pid}`,
        `link set ${this.nsInterface} netns ${this.name}`,
        `addr add ${this.hostAddress4}/24 dev ${this.hostInterface}`,
        // nodad: usable at once instead of after ~1 s of duplicate address detection.
        `addr add ${this.hostAddress6}/112 dev ${this.hostInterface} nodad`,
        `link set ${this.hostInterface} up`,
      ],
    );
    await ipBatch(
      ["-n", this.name],
      [
        "link set lo up",
        `addr add ${this.nsAddress4}/24 dev ${this.nsInterface}`,
        `addr add ${this.nsAddress6}/112 dev ${this.nsInterface} nodad`,
        `link set ${this.nsInterface} up`,
      ],
    );
    const sysctls: string[] = [];
    if (options.disableIcmpRateLimit) sysctls.push("net.ipv4.icmp_ratelimit=0", "net.ipv6.icmp.ratelimit=0");
    if (this.delayMs > 0) sysctls.push(...(await this.setUpDelay()));
    if (sysctls.length > 0) await this.exec("sysctl", ["-q", "-w", ...sysctls]);
  }

  /**
   * Routes the two main addresses over a TUN pair relayed by tun-delay.py: /32 and /128 routes beat the
   * veth's /24 and /112, so nothing else changes (the absent addresses still fail on the veth). Returns
   * the sysctls to set inside the namespace.
   */
  private async setUpDelay(): Promise<string[]> {
    const hostTun = `pct${this.index}-a`;
    const nsTun = `pct${this.index}-b`;
    const relay = spawn("python3", [path.join(helpersDir, "tun-delay.py"), hostTun, nsTun, String(this.delayMs)], {
      stdio: ["pipe", "pipe", "inherit"],
    });
    this.relay = relay;
    const lines = createInterface({ input: relay.stdout! });
    const ready = once(lines, "line");
    const exited = once(relay, "exit").then(([code]) => {
      throw new Error(`tun-delay.py exited with ${code} before it was ready`);
    });
    await Promise.race([ready, exited]);

    // The relay keeps its fd on the TUN device after the device moves to the namespace.
    await ipBatch(
      [],
      [
        `link set ${nsTun} netns ${this.name}`,
        `link set ${hostTun} up`,
        `route add ${this.nsAddress4}/32 dev ${hostTun} src ${this.hostAddress4}`,
        `route add ${this.nsAddress6}/128 dev ${hostTun} src ${this.hostAddress6}`,
      ],
    );
    await ipBatch(
      ["-n", this.name],
      [
        `link set ${nsTun} up`,
        `route add ${this.hostAddress4}/32 dev ${nsTun} src ${this.nsAddress4}`,
        `route add ${this.hostAddress6}/128 dev ${nsTun} src ${this.nsAddress6}`,
      ],
    );
    // Replies come back on the TUN while the addresses sit on the veth; with symmetric routes strict
    // reverse-path filtering would pass, but a host with loose defaults must not be the reason tests pass.
    // The host's conf.all is shared, so only the TUN device's own setting is touched there.
    await writeFile(`/proc/sys/net/ipv4/conf/${hostTun}/rp_filter`, "0");
    return ["net.ipv4.conf.all.rp_filter=0", "net.ipv4.conf.default.rp_filter=0", `net.ipv4.conf.${nsTun}.rp_filter=0`];
  }

  exec(command: string, args: readonly string[] = [], options: { input?: string } = {}): Promise<string> {
    return run("ip", ["netns", "exec", this.name, command, ...args], options.input);
  }

  spawn(command: string, args: readonly string[] = [], options: SpawnOptions = {}): ChildProcess {
    // `ip netns exec` execs the command in place, so the child's pid is the command's own.
    const child = spawn("ip", ["netns", "exec", this.name, command, ...args], options);
    this.children.add(child);
    child.once("exit", () => this.children.delete(child));
    return child;
  }

  async openPort(port = 0): Promise<NamespacePort> {
    // Exits when its stdin closes, so it cannot outlive this process and pin the namespace.
    const script = `
      const net = require("node:net");
      const server = net.createServer((socket) => { socket.on("error", () => {}); socket.pipe(socket); });
      server.listen({ port: Number(process.argv[1]), host: "::", ipv6Only: false }, () => console.log(server.address().port));
      process.stdin.on("end", () => process.exit(0)).resume();`;
    const child = this.spawn(process.execPath, ["-e", script, String(port)], { stdio: ["pipe", "pipe", "inherit"] });
    const lines = createInterface({ input: child.stdout! });
    const [line] = (await Promise.race([
      once(lines, "line"),
      once(child, "exit").then(([code]) => {
        throw new Error(`listener in ${this.name} exited with ${code}`);
      }),
    ])) as [string];
    return {
      port: Number(line),
      close: async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        const exited = once(child, "exit");
        child.stdin!.end();
        await exited;
      },
    };
  }

  async nft(rules: string): Promise<void> {
    // One transaction: the flush and the new rules take effect together.
    await this.exec("nft", ["-f", "-"], { input: `flush ruleset\n${rules}\n` });
  }

  async flushNft(): Promise<void> {
    await this.exec("nft", ["flush", "ruleset"]);
  }

  destroy(): Promise<void> {
    this.destroying ??= this.teardown();
    return this.destroying;
  }

  private async teardown(): Promise<void> {
    await Promise.all([...this.children].map((child) => killAndWait(child)));
    await killNamespaceProcesses(this.name);
    // The TUN devices vanish when the relay closes its fds, wherever they are.
    if (this.relay) {
      this.relay.stdin?.end();
      await killAndWait(this.relay);
    }
    // Deleting the veth ourselves is synchronous; leaving it to the namespace teardown is not, and the
    // next createNamespace() could find N still taken.
    await run("ip", ["link", "del", this.hostInterface]).catch(() => {});
    await run("ip", ["netns", "del", this.name]).catch(() => {});
    live.delete(this);
  }

  /** Last-resort cleanup from a process exit or signal handler, where nothing asynchronous runs. */
  destroySync(): void {
    for (const child of [...this.children, ...(this.relay ? [this.relay] : [])]) {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    }
    for (const args of [
      ["link", "del", this.hostInterface],
      ["netns", "del", this.name],
    ]) {
      try {
        execFileSync("ip", args, { stdio: "ignore" });
      } catch {
        // Already gone.
      }
    }
    live.delete(this);
  }
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

async function listNamespaces(): Promise<string[]> {
  const output = await run("ip", ["netns", "list"]);
  return output
    .split("\n")
    .map((line) => line.split(" ")[0]!)
    .filter((name) => name.startsWith(NAMESPACE_PREFIX));
}

/** A process left inside keeps the namespace (and its interfaces) alive after `ip netns del`. */
async function killNamespaceProcesses(name: string): Promise<void> {
  const pids = await run("ip", ["netns", "pids", name]).catch(() => "");
  for (const pid of pids.split("\n").filter(Boolean)) {
    try {
      process.kill(Number(pid), "SIGKILL");
    } catch {
      // Exited meanwhile.
    }
  }
}

async function killAndWait(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill("SIGKILL");
  await exited;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
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

/** Runs `ip` with several commands at once (one process instead of one per command). */
async function ipBatch(options: string[], commands: string[]): Promise<void> {
  await run("ip", [...options, "-batch", "-"], commands.join("\n") + "\n");
}

function run(command: string, args: readonly string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["pipe", "pipe", "pipe"] });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on("data", (chunk: Buffer) => stderr.push(chunk));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code === 0) resolve(Buffer.concat(stdout).toString());
      else {
        const reason = Buffer.concat(stderr).toString().trim() || `exit ${code ?? signal}`;
        reject(new Error(`${command} ${args.join(" ")}: ${reason}`));
      }
    });
    child.stdin.on("error", () => {});
    child.stdin.end(input ?? "");
  });
}
