// The namespace helper itself: namespaces as remote hosts, their firewalls and the slow path through
// tun-delay.py, checked with plain node:net and node:dgram. Needs root.
import { execFileSync } from "node:child_process";
import { createSocket } from "node:dgram";
import { once } from "node:events";
import net from "node:net";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createNamespace, type Namespace, type NamespacePort } from "./helpers/netns";
import { connect, median, ourLinks } from "./helpers/netns-checks";

// Ports 81-83 play a firewall's three answers; everything else is closed (no listener) unless opened.
const FIREWALL = `
table inet portcheck_test {
  chain input {
    type filter hook input priority 0; policy accept;
    tcp dport 81 drop
    tcp dport 82 reject with tcp reset
    meta nfproto ipv4 tcp dport 83 reject with icmp type host-unreachable
    meta nfproto ipv6 tcp dport 83 reject with icmpv6 type addr-unreachable
  }
}`;

describe("network namespaces", () => {
  let plain: Namespace;
  let unlimited: Namespace;
  let slow: Namespace;
  let listener: NamespacePort;

  beforeAll(async () => {
    [plain, unlimited, slow] = await Promise.all([
      createNamespace(),
      createNamespace({ disableIcmpRateLimit: true }),
      createNamespace({ delayMs: 50 }),
    ]);
    listener = await plain.openPort(8080);
    await Promise.all([plain.nft(FIREWALL), unlimited.nft(FIREWALL), slow.nft(FIREWALL)]);
  });

  afterAll(async () => {
    await Promise.all([plain, unlimited, slow].map((ns) => ns?.destroy()));
  });

  it("gives each namespace its own subnet and veth names", () => {
    const indexes = new Set([plain.index, unlimited.index, slow.index]);
    expect(indexes.size).toBe(3);
    for (const ns of [plain, unlimited, slow]) {
      expect(ns.nsAddress4).toBe(`10.77.${ns.index}.2`);
      expect(ns.nsAddress6).toBe(`fd77::${ns.index}:2`);
      expect(ns.hostInterface.length).toBeLessThanOrEqual(15);
    }
  });

  it("runs commands inside the namespace", async () => {
    const addresses = await plain.exec("ip", ["-br", "addr"]);
    expect(addresses).toContain(`${plain.nsAddress4}/24`);
    expect(addresses).toContain(`${plain.nsAddress6}/112`);
    expect(addresses).toMatch(/^lo\s+UNKNOWN/m);
  });

  it("reaches a listener inside over IPv4 and IPv6, and it sees the host's addresses", async () => {
    for (const [host, peer] of [
      [plain.nsAddress4, plain.hostAddress4],
      [plain.nsAddress6, plain.hostAddress6],
    ] as const) {
      const socket = net.connect({ host, port: listener.port });
      await once(socket, "connect");
      expect(socket.localAddress).toBe(peer);
      socket.write("ping");
      const [echo] = (await once(socket, "data")) as [Buffer];
      expect(echo.toString()).toBe("ping");
      socket.destroy();
    }
  });

  it("a dropped SYN times out; a TCP reset is ECONNREFUSED (IPv4 and IPv6)", async () => {
    for (const host of [plain.nsAddress4, plain.nsAddress6]) {
      expect((await connect(host, 81, 500)).result).toBe("timeout");
      expect((await connect(host, 82, 2000)).result).toBe("ECONNREFUSED");
    }
  });

  it("an ICMP host-unreachable is EHOSTUNREACH (IPv4 and IPv6)", async () => {
    expect((await connect(unlimited.nsAddress4, 83, 3000)).result).toBe("EHOSTUNREACH");
    // Over a veth the ICMPv6 error comes back while connect() still holds the socket lock; the kernel
    // then keeps it only as a soft error (TcpExtLockDroppedIcmps) and the failure shows when the SYN
    // retransmit ~1 s later draws a second error. Measured here: every time, not only the first. So
    // IPv6 ICMP cases need timeouts well above 1 s.
    expect((await connect(unlimited.nsAddress6, 83, 3000)).result).toBe("EHOSTUNREACH");
  });

  it("keeps the kernel's ICMP rate limit unless told otherwise", async () => {
    // IPv4 errors arrive at once; IPv6 ones on the retransmit ~1 s later (see above), hence the timeouts.
    const burst = async (ns: Namespace, family: 4 | 6) => {
      const [host, timeoutMs] = family === 4 ? [ns.nsAddress4, 500] : [ns.nsAddress6, 2000];
      const outcomes = await Promise.all(Array.from({ length: 10 }, () => connect(host, 83, timeoutMs)));
      return outcomes.filter((outcome) => outcome.result === "EHOSTUNREACH").length;
    };
    // Per destination a burst of 6 errors, then 1 a second (IPv4) or 10 (IPv6): the other SYNs go unanswered.
    // The two families have separate limits, so they run side by side.
    const [limited4, limited6, unlimited4, unlimited6] = await Promise.all([
      burst(plain, 4),
      burst(plain, 6),
      burst(unlimited, 4),
      burst(unlimited, 6),
    ]);
    expect(limited4).toBe(6);
    // Measured 6 as well, but it depends on how close together the ten retransmits fall.
    expect(limited6).toBeGreaterThan(0);
    expect(limited6).toBeLessThan(10);
    expect(unlimited4).toBe(10);
    expect(unlimited6).toBe(10);
  });

  it("nft() replaces the ruleset and flushNft() clears it", async () => {
    await plain.nft("table inet portcheck_test { chain input { type filter hook input priority 0; tcp dport 82 drop; }; }");
    expect((await connect(plain.nsAddress4, 81, 2000)).result).toBe("ECONNREFUSED");
    expect((await connect(plain.nsAddress4, 82, 300)).result).toBe("timeout");
    await plain.flushNft();
    expect((await connect(plain.nsAddress4, 82, 2000)).result).toBe("ECONNREFUSED");
    expect(await plain.exec("nft", ["list", "ruleset"])).toBe("");
  });

  it("an absent address on the link is EHOSTUNREACH once ARP / neighbour discovery gives up", async () => {
    // The delayed namespace's absent address stays on its veth, so it fails the same way (side by side: ~3 s each).
    const outcomes = await Promise.all(
      [plain.absentAddress4, plain.absentAddress6, slow.absentAddress4].map((host) => connect(host, 80, 10_000)),
    );
    expect(outcomes.map((outcome) => outcome.result)).toEqual(["EHOSTUNREACH", "EHOSTUNREACH", "EHOSTUNREACH"]);
  });

  describe("with a 50 ms delay each way", () => {
    let slowListener: NamespacePort;
    beforeAll(async () => {
      slowListener = await slow.openPort();
    });

    it("a TCP connect takes one round trip, ~100 ms, over IPv4 and IPv6", async () => {
      for (const host of [slow.nsAddress4, slow.nsAddress6]) {
        const times: number[] = [];
        for (let i = 0; i < 5; i++) {
          const outcome = await connect(host, slowListener.port, 2000);
          expect(outcome.result).toBe("connected");
          times.push(outcome.ms);
        }
        // Checks that the relay holds packets as long as asked, not a speed goal: the upper bound is loose.
        expect(Math.min(...times)).toBeGreaterThanOrEqual(95);
        expect(median(times)).toBeLessThanOrEqual(130);
      }
    });

    it("UDP goes through the relay both ways, a few thousand packets a second", async () => {
      const script = `
        const socket = require("node:dgram").createSocket({ type: "udp6", ipv6Only: false });
        socket.on("message", (message, from) => socket.send(message, from.port, from.address));
        socket.bind(9000, "::", () => console.log("ready"));
        process.stdin.on("end", () => process.exit(0)).resume();`;
      const echo = slow.spawn(process.execPath, ["-e", script], { stdio: ["pipe", "pipe", "inherit"] });
      await once(createInterface({ input: echo.stdout! }), "line");
      try {
        for (const [type, host] of [
          ["udp4", slow.nsAddress4],
          ["udp6", slow.nsAddress6],
        ] as const) {
          const socket = createSocket(type);
          const started = performance.now();
          socket.send("ping", 9000, host);
          const [message] = (await once(socket, "message")) as [Buffer];
          const ms = performance.now() - started;
          expect(message.toString()).toBe("ping");
          expect(ms).toBeGreaterThanOrEqual(95);
          expect(ms).toBeLessThan(500);

          // 2,000 datagrams in ~0.5 s must come back, still about one round trip late. The relay passes
          // all of them, but on a busy CPU the echo's or our socket receive buffer (~200 datagrams) can
          // overflow when a held batch is released at once, so a few may go missing.
          const rtts: number[] = [];
          socket.on("message", (echoed: Buffer) => rtts.push(performance.now() - Number(echoed.toString())));
          for (let batch = 0; batch < 100; batch++) {
            for (let i = 0; i < 20; i++) socket.send(String(performance.now()), 9000, host);
            await new Promise((resolve) => setTimeout(resolve, 5));
          }
          await expect.poll(() => rtts.length, { timeout: 2000 }).toBeGreaterThanOrEqual(1980);
          expect(median(rtts)).toBeGreaterThanOrEqual(95);
          expect(median(rtts)).toBeLessThanOrEqual(130);
          socket.close();
        }
      } finally {
        echo.stdin!.end();
      }
    });

    it("ICMP errors and resets come back through it too", async () => {
      for (const host of [slow.nsAddress4, slow.nsAddress6]) {
        // Arriving a round trip later, the ICMPv6 error finds connect() done: no lock-dropped retransmit wait.
        const unreachable = await connect(host, 83, 3000);
        expect(unreachable.result).toBe("EHOSTUNREACH");
        expect(unreachable.ms).toBeGreaterThanOrEqual(95);
        const refused = await connect(host, 82, 3000);
        expect(refused.result).toBe("ECONNREFUSED");
        expect(refused.ms).toBeGreaterThanOrEqual(95);
      }
    });
  });

  it("destroy() removes the namespaces, veths and TUN devices, and can be called twice", async () => {
    const names = [plain, unlimited, slow].map((ns) => ns.name);
    await Promise.all([plain, unlimited, slow].map((ns) => ns.destroy()));
    await plain.destroy();
    const namespaces = execFileSync("ip", ["netns", "list"]).toString();
    for (const name of names) expect(namespaces).not.toContain(name);
    const indexes = [plain, unlimited, slow].map((ns) => ns.index);
    expect(ourLinks().filter((link) => indexes.some((index) => link.startsWith(`pct${index}-`)))).toEqual([]);
  });
});
