// The public shape of a test namespace, apart from the code that builds one so importers of the types
// do not depend on how namespaces are made.
import type { ChildProcess, SpawnOptions } from "node:child_process";

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
