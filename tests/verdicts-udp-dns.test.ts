// UDP verdicts, names through a DNS server started here (A and AAAA, CNAMEs, slow and silent answers,
// DNS_TIMEOUT_MS), the family option, and the ownership token, end to end through the API and the worker.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postToken } from "../app/api/v1/verify-tokens/route";
import { newPeer, params, request } from "./helpers/api";
import { resultOf, runCheckThrough, startCheck, waitFinished, closeWebContext, startNamespaceWorker } from "./helpers/check-client";
import { type DnsServer, startDnsServer } from "./helpers/dns-server";
import { type NamespaceTarget, startTargetIn } from "./helpers/namespace-target";
import { createNamespace, type Namespace } from "./helpers/netns";
import type { WorkerProcess } from "./helpers/worker-process";

const NAME = "udp.portcheck-test.net";
let host: Namespace;
let target: NamespaceTarget;
let dns: DnsServer;
let worker: WorkerProcess;

beforeAll(async () => {
  host = await createNamespace({ disableIcmpRateLimit: true });
  target = await startTargetIn(host, {
    host: [host.nsAddress4, host.nsAddress6],
    servers: [
      { kind: "udp-dns", port: 53 },
      { kind: "udp-ntp", port: 123 },
      { kind: "udp-stun", port: 3478 },
      { kind: "udp-bedrock", port: 19132 },
      { kind: "udp-quic", port: 443 },
      { kind: "udp-a2s", port: 27015 },
      { kind: "udp-echo", port: 9999 },
      { kind: "udp-silent", port: 9998 },
      { kind: "open", port: 7000 },
    ],
  });
  await host.nft(`table inet portcheck_test { chain input { type filter hook input priority 0; udp dport 9996 reject with icmp type admin-prohibited; }; }`);
  dns = await startDnsServer({
    [NAME]: { A: host.nsAddress4, AAAA: host.nsAddress6 },
    "v6only.portcheck-test.net": { AAAA: host.nsAddress6 },
    "alias.portcheck-test.net": { CNAME: "hop.portcheck-test.net" },
    "hop.portcheck-test.net": { CNAME: NAME },
    "slow.portcheck-test.net": { A: host.nsAddress4, delayMs: 5000 },
    "silent.portcheck-test.net": { silent: true },
  });
  worker = await startNamespaceWorker(dns.address, { DNS_TIMEOUT_MS: "1000" });
}, 60_000);

afterAll(async () => {
  await worker?.stop("SIGKILL");
  target?.stop();
  await host?.destroy();
  await dns?.close();
  await closeWebContext();
});

describe("UDP", () => {
  it("is open only when a reply came, closed on port unreachable, open|filtered on silence", async () => {
    const check = await runCheckThrough({ host: NAME, protocol: "udp", ports: [53, 123, 3478, 19132, 443, 27015, 9999, 9998, 9997, 9996], timeoutMs: 1500 });
    expect(check.protocol).toBe("udp");
    for (const family of [4, 6] as const) {
      const at = (port: number) => resultOf(check, port, family);
      expect(at(53)).toMatchObject({ state: "open", reason: "udp-response", protocol: "udp", banner: { service: "dns" } });
      expect(at(123)).toMatchObject({ state: "open", banner: { service: "ntp" } });
      expect(at(3478)).toMatchObject({ state: "open", banner: { service: "stun", product: "portcheck-test-stun" } });
      expect(at(19132)).toMatchObject({ state: "open", banner: { service: "minecraft-bedrock", game: { version: "1.21.50", playersOnline: 2, playersMax: 10, motd: "Portcheck Bedrock" } } });
      expect(at(443)).toMatchObject({ state: "open", banner: { service: "quic" } });
      expect(at(27015)).toMatchObject({ state: "open", banner: { service: "source-engine", game: { playersOnline: 5, playersMax: 32 } } });
      expect(at(9999)).toMatchObject({ state: "open", reason: "udp-response" });
      expect(at(9998)).toMatchObject({ state: "open|filtered", reason: "no-response", latencyMs: null });
      expect(at(9997)).toMatchObject({ state: "closed", reason: "port-unreach" });
      expect(at(53).latencyMs).toBeGreaterThan(0);
    }
    // Linux reports only "hard" ICMP errors to a UDP socket: administratively prohibited is one, host unreachable is not.
    expect(resultOf(check, 9996, 4)).toMatchObject({ state: "filtered", reason: "host-unreach", errorCode: "EHOSTUNREACH" });
    expect(resultOf(check, 27015).banner?.text).toContain("de_dust2");
  }, 60_000);
});

describe("names and address families", () => {
  it("follows a CNAME chain and probes the final A and AAAA side by side", async () => {
    const check = await runCheckThrough({ host: "alias.portcheck-test.net", ports: [7000], timeoutMs: 1500 });
    expect(check.addresses).toEqual([{ address: host.nsAddress4, family: 4 }, { address: host.nsAddress6, family: 6 }]);
    expect(resultOf(check, 7000, 4).state).toBe("open");
    expect(resultOf(check, 7000, 6).state).toBe("open");
  });

  it("probes only the family asked for, and says clearly when the name has none of it", async () => {
    const v6 = await runCheckThrough({ host: NAME, family: "6", ports: [7000], timeoutMs: 1500 });
    expect(v6.results.map((result) => [result.family, result.state])).toEqual([[6, "open"]]);
    const none = await runCheckThrough({ host: "v6only.portcheck-test.net", family: "4", ports: [7000], timeoutMs: 1500 });
    expect(none).toMatchObject({ status: "failed", error: { code: "dns_failed", message: "v6only.portcheck-test.net has no IPv4 address (A record)." } });
    const both = await runCheckThrough({ host: "v6only.portcheck-test.net", ports: [7000], timeoutMs: 1500 });
    expect(both.results.map((result) => [result.family, result.state])).toEqual([[6, "open"]]);
  });

  it("gives up on slow and silent DNS within DNS_TIMEOUT_MS, and on names that do not exist at once", async () => {
    const [slow, silent, missing] = await Promise.all(
      ["slow.portcheck-test.net", "silent.portcheck-test.net", "nxdomain.portcheck-test.net"].map((name) => startCheck({ host: name, ports: [7000] })),
    );
    const missingDone = await waitFinished(missing!.id);
    expect(missingDone).toMatchObject({ status: "failed", error: { code: "dns_failed" } });
    expect(missingDone.error!.message).toContain("does not exist");
    // Timeouts are transient: retried with backoff, then final. Each lookup lasts at most DNS_TIMEOUT_MS.
    for (const check of [slow!, silent!]) {
      const done = await waitFinished(check.id, 90_000);
      expect(done).toMatchObject({ status: "failed", error: { code: "dns_failed" } });
      expect(done.error!.message).toContain("did not answer in time");
    }
  }, 120_000);
});

describe("is it really my machine?", () => {
  it("reads the token back from the visitor's listener, once, and only for that visitor", async () => {
    const peer = newPeer();
    const issued = await postToken(request("/api/v1/verify-tokens?port=7500", { method: "POST", peer }), params({}));
    expect(issued.status).toBe(201);
    const { token, commands, expiresAt } = await issued.json();
    expect(token).toMatch(/^pc-[a-z2-7]{24}$/);
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(590_000);
    expect(commands.map((command: { command: string }) => command.command).join("\n")).toContain(`nc -l 7500`);
    const listener = await startTargetIn(host, { host: [host.nsAddress4], servers: [{ kind: "banner", port: 7500, text: `${token}\n` }] });
    try {
      // Someone else cannot use it.
      const stolen = await runCheckThroughPeer({ host: NAME, ports: [7500], verifyToken: token }, newPeer());
      expect(stolen.status).toBe(422);
      const check = await waitFinished((await startCheck({ host: NAME, family: "4", ports: [7500, 7000], verifyToken: token }, peer)).id);
      expect(check.ownership).toEqual({ verified: true });
      expect(resultOf(check, 7500)).toMatchObject({ state: "open", ownership: { verified: true } });
      expect(resultOf(check, 7000)).toMatchObject({ state: "open", ownership: { verified: false } });
      // Single use.
      const again = await runCheckThroughPeer({ host: NAME, ports: [7500], verifyToken: token }, peer);
      expect(again.status).toBe(422);
      expect((await again.json()).code).toBe("invalid_token");
    } finally {
      listener.stop();
    }
  }, 30_000);
});

async function runCheckThroughPeer(body: Record<string, unknown>, peer: string): Promise<Response> {
  const { POST } = await import("../app/api/v1/checks/route");
  return POST(request("/api/v1/checks", { body, peer }), params({}));
}
