// One namespace standing in for a remote host, from setup to teardown. It also has a synchronous teardown
// because the exit and signal hooks in create.ts run where nothing asynchronous completes.
import { type ChildProcess, execFileSync, spawn, type SpawnOptions } from "node:child_process";
import { once } from "node:events";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { NAMESPACE_PREFIX, OWNER_ALIAS } from "./names";
import { ipBatch, killAndWait, killNamespaceProcesses, run } from "./shell";
import type { Namespace, NamespaceOptions, NamespacePort } from "./types";

// tun-delay.py sits in tests/helpers, one level above this file.
const helpersDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** Namespaces not yet destroyed, for the exit and signal handlers that remove them synchronously. */
export const live = new Set<NamespaceImpl>();

export class NamespaceImpl implements Namespace {
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
