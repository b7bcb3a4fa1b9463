// TCP verdicts end to end against real servers and firewalls in network namespaces: API -> Redis -> the
// real worker (probe thread) -> PostgreSQL -> API. Every state and reason is asserted, over IPv4 and IPv6.
// Names resolve through a DNS server started here (DNS_SERVERS); nothing leaves loopback and the namespaces.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestCertificates, createTestCertificates } from "./helpers/certs";
import { resultOf, runCheckThrough, closeWebContext, startNamespaceWorker } from "./helpers/check-client";
import { type DnsServer, startDnsServer } from "./helpers/dns-server";
import { type NamespaceTarget, startTargetIn } from "./helpers/namespace-target";
import { createNamespace, type Namespace } from "./helpers/netns";
import type { WorkerProcess } from "./helpers/worker-process";

const NAME = "main.portcheck-test.net";
const TLS_NAME = "tls.portcheck-test.net";
let main: Namespace;
let target: NamespaceTarget;
let dns: DnsServer;
let certificates: TestCertificates;
let worker: WorkerProcess;

// Ports 7100-7115 are answered by the firewall, each in its own way.
const FIREWALL = `table inet portcheck_test {
  chain input {
    type filter hook input priority 0; policy accept;
    tcp dport 7100 drop
    tcp dport 7101 reject with tcp reset
    meta nfproto ipv4 tcp dport 7102 reject with icmp type port-unreachable
    meta nfproto ipv4 tcp dport 7103 reject with icmp type host-unreachable
    meta nfproto ipv4 tcp dport 7104 reject with icmp type net-unreachable
    meta nfproto ipv4 tcp dport 7105 reject with icmp type prot-unreachable
    meta nfproto ipv4 tcp dport 7106 reject with icmp type admin-prohibited
    meta nfproto ipv4 tcp dport 7107 reject with icmp type host-prohibited
    meta nfproto ipv4 tcp dport 7108 reject with icmp type net-prohibited
    meta nfproto ipv6 tcp dport 7110 reject with icmpv6 type admin-prohibited
    meta nfproto ipv6 tcp dport 7111 reject with icmpv6 type no-route
    meta nfproto ipv6 tcp dport 7112 reject with icmpv6 type addr-unreachable
    meta nfproto ipv6 tcp dport 7113 reject with icmpv6 type port-unreachable
    meta nfproto ipv6 tcp dport 7114 reject with icmpv6 type policy-fail
    meta nfproto ipv6 tcp dport 7115 reject with icmpv6 type reject-route
  }
}`;

beforeAll(async () => {
  main = await createNamespace({ disableIcmpRateLimit: true });
  certificates = createTestCertificates(undefined, { dnsNames: [TLS_NAME], ips: [main.nsAddress4, main.nsAddress6] });
  await main.nft(FIREWALL);
  target = await startTargetIn(main, {
    host: [main.nsAddress4, main.nsAddress6],
    certDir: certificates.dir,
    servers: [
      { kind: "open", port: 7000 },
      { kind: "accept-reset", port: 7001 },
      { kind: "accept-close", port: 7002 },
      { kind: "silent-after-accept", port: 7003 },
      { kind: "full-backlog", port: 7005 },
      { kind: "ssh", port: 22 },
      { kind: "smtp", port: 25 },
      { kind: "smtp", name: "smtp-plain", port: 587, starttls: false },
      { kind: "imap", port: 143 },
      { kind: "ftp", port: 21 },
      { kind: "tls", port: 443, cert: "good" },
      { kind: "tls", name: "self-signed", port: 8443, cert: "self-signed" },
      { kind: "tls", name: "expired", port: 9443, cert: "expired" },
      { kind: "tls", name: "mismatched", port: 10443, cert: "mismatched" },
      { kind: "http", port: 80 },
      { kind: "mysql", port: 3306 },
      { kind: "redis", port: 6379 },
      { kind: "postgres", port: 5432 },
      { kind: "minecraft", port: 25565 },
    ],
  });
  dns = await startDnsServer({
    [NAME]: { A: main.nsAddress4, AAAA: main.nsAddress6 },
    [TLS_NAME]: { A: main.nsAddress4, AAAA: main.nsAddress6 },
    "absent.portcheck-test.net": { A: main.absentAddress4 },
  });
  worker = await startNamespaceWorker(dns.address, { NODE_EXTRA_CA_CERTS: certificates.caFile });
}, 60_000);

afterAll(async () => {
  await worker?.stop("SIGKILL");
  target?.stop();
  await main?.destroy();
  await dns?.close();
  certificates?.cleanup();
  await closeWebContext();
});

describe("TCP verdicts against a namespace", () => {
  it("says open, closed and filtered with nmap's reasons, over IPv4 and IPv6 side by side", async () => {
    const check = await runCheckThrough({ host: NAME, ports: [7000, 7001, 7002, 7003, 7005, 7100, 7101, 7199], timeoutMs: 1500, tls: false });
    expect(check.status).toBe("done");
    expect(check.addresses).toEqual([{ address: main.nsAddress4, family: 4 }, { address: main.nsAddress6, family: 6 }]);
    for (const family of [4, 6] as const) {
      const at = (port: number) => resultOf(check, port, family);
      expect(at(7000)).toMatchObject({ state: "open", reason: "syn-ack", address: family === 4 ? main.nsAddress4 : main.nsAddress6 });
      expect(at(7000).latencyMs).toBeGreaterThan(0);
      // A handshake that completed is open, whatever follows: a reset, a close, or silence.
      expect(at(7001)).toMatchObject({ state: "open", reason: "syn-ack" });
      expect(at(7002)).toMatchObject({ state: "open", reason: "syn-ack" });
      expect(at(7003)).toMatchObject({ state: "open", reason: "syn-ack" });
      expect(at(7005)).toMatchObject({ state: "filtered", reason: "no-response", latencyMs: null });
      expect(at(7100)).toMatchObject({ state: "filtered", reason: "no-response", latencyMs: null });
      expect(at(7101)).toMatchObject({ state: "closed", reason: "conn-refused" });
      expect(at(7199)).toMatchObject({ state: "closed", reason: "conn-refused" });
    }
  }, 60_000);

  it("maps every ICMP unreachable code the kernel reports, IPv4 and IPv6", async () => {
    const [v4, v6] = await Promise.all([
      runCheckThrough({ host: NAME, family: "4", ports: [7102, 7103, 7104, 7105, 7106, 7107, 7108], timeoutMs: 1500 }),
      // IPv6 errors over a veth come with the SYN's retransmission (about 1 s): the first meets a locked socket.
      runCheckThrough({ host: NAME, family: "6", ports: [7110, 7111, 7112, 7113, 7114, 7115], timeoutMs: 3000 }),
    ]);
    const v4Expected: [number, string, string, string][] = [
      [7102, "closed", "conn-refused", ""],
      [7103, "filtered", "host-unreach", "EHOSTUNREACH"],
      [7104, "filtered", "net-unreach", "ENETUNREACH"],
      [7105, "filtered", "proto-unreach", "ENOPROTOOPT"],
      // IPv4's administratively prohibited codes arrive as EHOSTUNREACH and ENETUNREACH: Linux cannot tell them apart.
      [7106, "filtered", "host-unreach", "EHOSTUNREACH"],
      [7107, "filtered", "host-unreach", "EHOSTUNREACH"],
      [7108, "filtered", "net-unreach", "ENETUNREACH"],
    ];
    for (const [port, state, reason, code] of v4Expected) expect(resultOf(v4, port, 4), `IPv4 ${port}`).toMatchObject({ state, reason, errorCode: code || null });
    const v6Expected: [number, string, string][] = [
      [7110, "filtered", "admin-prohibited"],
      [7111, "filtered", "net-unreach"],
      [7112, "filtered", "host-unreach"],
      [7113, "closed", "conn-refused"],
      [7114, "filtered", "admin-prohibited"],
      [7115, "filtered", "admin-prohibited"],
    ];
    for (const [port, state, reason] of v6Expected) expect(resultOf(v6, port, 6), `IPv6 ${port}`).toMatchObject({ state, reason });
    expect(v6.results.every((result) => result.family === 6)).toBe(true);
  }, 60_000);

  it("says filtered host-unreach for a host that is absent from the link", async () => {
    const check = await runCheckThrough({ host: "absent.portcheck-test.net", ports: [80], timeoutMs: 5000 });
    expect(resultOf(check, 80)).toMatchObject({ state: "filtered", reason: "host-unreach", errorCode: "EHOSTUNREACH", address: main.absentAddress4 });
  }, 30_000);

  it("reads TLS certificates: a trusted chain, self-signed, expired and for another name, never hidden", async () => {
    const check = await runCheckThrough({ host: TLS_NAME, family: "4", ports: [443, 8443, 9443, 10443], tls: true, timeoutMs: 2000 });
    const good = resultOf(check, 443).tls!;
    expect(good).toMatchObject({ version: "TLSv1.3", trusted: true, trustError: null, hostnameMatches: true, starttls: false, error: null });
    expect(good.san).toContain(TLS_NAME);
    expect(good.daysLeft).toBeGreaterThanOrEqual(28);
    expect(good.daysLeft).toBeLessThanOrEqual(30);
    expect(good.subject).toContain(TLS_NAME);
    expect(good.cipher).toBeTruthy();
    // The server saw our SNI, and HTTP over TLS named the host.
    expect(target.events.some((event) => event.event === "tls" && event.port === 443 && (event as { servername?: string }).servername === TLS_NAME)).toBe(true);
    expect(resultOf(check, 443).banner).toMatchObject({ service: "http", product: "nginx", version: "1.24.0" });
    expect(resultOf(check, 8443).tls).toMatchObject({ trusted: false, trustError: "DEPTH_ZERO_SELF_SIGNED_CERT", hostnameMatches: true });
    const expired = resultOf(check, 9443).tls!;
    expect(expired).toMatchObject({ trusted: false, trustError: "CERT_HAS_EXPIRED" });
    expect(expired.daysLeft).toBeLessThan(0);
    expect(resultOf(check, 10443).tls).toMatchObject({ trusted: true, hostnameMatches: false });
    for (const port of [443, 8443, 9443, 10443]) expect(resultOf(check, port).state).toBe("open");
    // TLS asked for on a port whose server speaks first: the greeting is kept, the TLS attempt explained.
    const ssh = await runCheckThrough({ host: TLS_NAME, family: "4", ports: [22], tls: true, timeoutMs: 2000 });
    expect(resultOf(ssh, 22)).toMatchObject({ state: "open", banner: { service: "ssh", product: "OpenSSH" }, tls: { error: expect.stringContaining("spoke first") } });
  }, 30_000);

  it("upgrades with STARTTLS where the port speaks it, and reports a mail server that does not offer it", async () => {
    const check = await runCheckThrough({ host: TLS_NAME, family: "4", ports: [25, 587, 143, 21], timeoutMs: 2000 });
    expect(resultOf(check, 25)).toMatchObject({ state: "open", tls: { starttls: true, trusted: true, hostnameMatches: true, error: null }, banner: { service: "smtp", product: "Postfix" } });
    expect(resultOf(check, 587).tls).toMatchObject({ starttls: true, error: expect.stringContaining("does not offer STARTTLS") });
    expect(resultOf(check, 143)).toMatchObject({ tls: { starttls: true, trusted: true }, banner: { service: "imap" } });
    expect(resultOf(check, 21)).toMatchObject({ tls: { starttls: true, trusted: true }, banner: { service: "ftp", product: "vsFTPd", version: "3.0.5" } });
  }, 30_000);

  it("says what answered: greetings, and polite questions where the client speaks first", async () => {
    const check = await runCheckThrough({ host: NAME, family: "4", ports: [22, 80, 3306, 6379, 5432, 25565, 7003], timeoutMs: 2000 });
    expect(resultOf(check, 22).banner).toMatchObject({ service: "ssh", product: "OpenSSH", version: "9.6p1" });
    expect(resultOf(check, 80).banner).toMatchObject({ service: "http", product: "Apache", version: "2.4.58", http: { status: 200 } });
    expect(target.events.some((event) => event.event === "http" && event.port === 80 && (event as { host?: string }).host === NAME)).toBe(true);
    expect(resultOf(check, 3306).banner).toMatchObject({ service: "mysql", product: "MariaDB", version: "10.11.6" });
    expect(resultOf(check, 6379).banner).toMatchObject({ service: "redis" });
    expect(resultOf(check, 5432).banner).toMatchObject({ service: "postgresql" });
    expect(resultOf(check, 25565).banner).toMatchObject({
      service: "minecraft",
      game: { version: "1.21.4", playersOnline: 3, playersMax: 20, motd: "A Portcheck test server" },
    });
    // Open and silent: no banner, and no verdict change.
    expect(resultOf(check, 7003)).toMatchObject({ state: "open", banner: null });
  }, 30_000);
});
