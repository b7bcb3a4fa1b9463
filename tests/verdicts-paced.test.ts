// The engine's timing behaviour against namespaces with the kernel's real ICMP rate limit: a host that
// rejects 50 ports with ICMP gets 50 closed (paced second asks), a host that answers nothing finishes in
// about one timeout, and latency over a delayed path (a TUN relay) is the handshake's own.
import "./helpers/large-limits";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resultOf, runCheckThrough, closeWebContext, startNamespaceWorker } from "./helpers/check-client";
import { type DnsServer, startDnsServer } from "./helpers/dns-server";
import { createNamespace, type Namespace } from "./helpers/netns";
import type { WorkerProcess } from "./helpers/worker-process";

let limited: Namespace;
let silent: Namespace;
let slow: Namespace;
let dns: DnsServer;
let worker: WorkerProcess;
const range = (from: number, count: number) => Array.from({ length: count }, (_, index) => from + index);

beforeAll(async () => {
  [limited, silent, slow] = await Promise.all([createNamespace(), createNamespace(), createNamespace({ delayMs: 50 })]);
  await Promise.all([
    // Default sysctls: the kernel answers a burst of 6 ICMP errors per destination, then one a second.
    limited.nft(`table inet portcheck_test { chain input { type filter hook input priority 0; tcp dport 20000-20049 reject with icmp type port-unreachable; tcp dport 20100 reject with tcp reset; tcp dport 20300 counter drop; }; }`),
    silent.nft(`table inet portcheck_test { chain input { type filter hook input priority 0; tcp dport 30000-30099 drop; }; }`),
  ]);
  await slow.openPort(7000);
  dns = await startDnsServer({
    "limited.portcheck-test.net": { A: limited.nsAddress4 },
    "silent.portcheck-test.net": { A: silent.nsAddress4 },
    "slow.portcheck-test.net": { A: slow.nsAddress4, AAAA: slow.nsAddress6 },
  });
  worker = await startNamespaceWorker(dns.address);
}, 60_000);

afterAll(async () => {
  await worker?.stop("SIGKILL");
  await Promise.all([limited, silent, slow].map((ns) => ns?.destroy()));
  await dns?.close();
  await closeWebContext();
});

describe("paced and parallel probing", () => {
  it("gives 50 closed for a host that rejects 50 ports with rate-limited ICMP port unreachable", async () => {
    const check = await runCheckThrough({ host: "limited.portcheck-test.net", ports: range(20000, 50), timeoutMs: 1000 }, 150_000);
    expect(check.status).toBe("done");
    const states = check.results.map((result) => `${result.state}/${result.reason}`);
    expect(states.filter((state) => state === "closed/conn-refused")).toHaveLength(50);
  }, 180_000);

  it("asks a silent port once more on a host that refuses others, and still calls it filtered", async () => {
    // 800 ms: shorter than the kernel's first SYN retransmission, so each ask is exactly one SYN.
    const check = await runCheckThrough({ host: "limited.portcheck-test.net", ports: [20100, 20300], timeoutMs: 800 }, 60_000);
    expect(resultOf(check, 20100)).toMatchObject({ state: "closed", reason: "conn-refused" });
    expect(resultOf(check, 20300)).toMatchObject({ state: "filtered", reason: "no-response" });
    const ruleset = await limited.exec("nft", ["list", "ruleset"]);
    expect(/dport 20300 counter packets (\d+)/.exec(ruleset)?.[1]).toBe("2");
  }, 90_000);

  it("finishes 100 silent ports in about one timeout, not ports / parallelism timeouts", async () => {
    const started = Date.now();
    const check = await runCheckThrough({ host: "silent.portcheck-test.net", ports: range(30000, 100), timeoutMs: 1000 }, 60_000);
    const elapsed = Date.now() - started;
    expect(check.results).toHaveLength(100);
    expect(check.results.every((result) => result.state === "filtered" && result.reason === "no-response")).toBe(true);
    // Serial batches of 10 would take 10 s; all at once takes one timeout plus the pipeline.
    expect(elapsed).toBeLessThan(5000);
  }, 60_000);

  it("reports the handshake time of a slow path, over IPv4 and IPv6", async () => {
    const check = await runCheckThrough({ host: "slow.portcheck-test.net", ports: [7000], timeoutMs: 2000 });
    for (const family of [4, 6] as const) {
      const result = resultOf(check, 7000, family);
      expect(result.state).toBe("open");
      // 50 ms each way: one round trip is 100 ms.
      expect(result.latencyMs).toBeGreaterThanOrEqual(99);
      expect(result.latencyMs).toBeLessThan(200);
    }
  }, 30_000);
});
