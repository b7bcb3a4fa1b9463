import ipaddr from "ipaddr.js";
import { describe, expect, it } from "vitest";
import { TargetError } from "./errors";
import { parseHost } from "./parse-host";
import { judgeAddress, type TargetRules } from "./policy";
import { resolveTarget } from "./resolve-target";

type Expected = `allowed ${string}` | "forbidden" | "invalid";

/** What the policy makes of a literal host as a person would type it. */
function verdictFor(input: string, rules: TargetRules = {}): string {
  try {
    const parsed = parseHost(input);
    if (parsed.kind === "name") return `name ${parsed.name}`;
    const judgement = judgeAddress(parsed.address, rules)!;
    return judgement.allowed ? `allowed ${judgement.address}` : "forbidden";
  } catch (error) {
    if (error instanceof TargetError) return error.code === "invalid_host" ? "invalid" : "forbidden";
    throw error;
  }
}

const LITERALS: [string, Expected][] = [
  // Public IPv4, in every spelling.
  ["8.8.8.8", "allowed 8.8.8.8"],
  ["1.1.1.1", "allowed 1.1.1.1"],
  [" 93.184.216.34 ", "allowed 93.184.216.34"],
  ["93.184.216.34.", "allowed 93.184.216.34"],
  ["0x5d.0xb8.0xd8.0x22", "allowed 93.184.216.34"],
  ["1572395042", "allowed 93.184.216.34"],
  ["１.１.１.１", "allowed 1.1.1.1"],
  ["1。1。1。1", "allowed 1.1.1.1"],
  ["8.8.2056", "allowed 8.8.8.8"],
  // Loopback in every spelling.
  ["127.0.0.1", "forbidden"],
  ["127.1", "forbidden"],
  ["127.0.1", "forbidden"],
  ["0x7f.1", "forbidden"],
  ["0x7f000001", "forbidden"],
  ["2130706433", "forbidden"],
  ["017700000001", "forbidden"],
  ["0177.0.0.1", "forbidden"],
  ["127.255.255.254", "forbidden"],
  ["１２７.０.０.１", "forbidden"],
  ["127。0。0。1", "forbidden"],
  ["127.0.0.1.", "forbidden"],
  // "This network", private, CGNAT, link-local and metadata.
  ["0.0.0.0", "forbidden"],
  ["0", "forbidden"],
  ["0.1.2.3", "forbidden"],
  ["10.0.0.1", "forbidden"],
  ["10.255.255.255", "forbidden"],
  ["012.0.0.1", "forbidden"],
  ["172.16.0.1", "forbidden"],
  ["172.31.255.255", "forbidden"],
  ["172.15.255.255", "allowed 172.15.255.255"],
  ["172.32.0.1", "allowed 172.32.0.1"],
  ["192.168.1.1", "forbidden"],
  ["0xc0a80101", "forbidden"],
  ["3232235777", "forbidden"],
  ["100.64.0.1", "forbidden"],
  ["100.127.255.255", "forbidden"],
  ["100.63.255.255", "allowed 100.63.255.255"],
  ["100.128.0.0", "allowed 100.128.0.0"],
  ["169.254.169.254", "forbidden"],
  ["2852039166", "forbidden"],
  ["0xa9fea9fe", "forbidden"],
  ["169.254.0.1", "forbidden"],
  // Special purpose, documentation, benchmarking, multicast, reserved, broadcast.
  ["192.0.0.8", "forbidden"],
  ["192.0.0.170", "forbidden"],
  ["192.0.2.1", "forbidden"],
  ["198.51.100.7", "forbidden"],
  ["203.0.113.9", "forbidden"],
  ["198.18.0.1", "forbidden"],
  ["198.19.255.255", "forbidden"],
  ["198.20.0.1", "allowed 198.20.0.1"],
  ["192.88.99.1", "forbidden"],
  ["224.0.0.1", "forbidden"],
  ["239.255.255.250", "forbidden"],
  ["240.0.0.1", "forbidden"],
  ["255.255.255.255", "forbidden"],
  ["223.255.255.255", "allowed 223.255.255.255"],
  // Invalid IPv4 spellings.
  ["256.1.1.1", "invalid"],
  ["1.2.3.4.5", "invalid"],
  ["08.1.1.1", "invalid"],
  ["1.2.3.-1", "invalid"],
  ["0x1g.1.1.1", "invalid"],
  ["99999999999", "invalid"],
  // Public IPv6.
  ["2606:4700:4700::1111", "allowed 2606:4700:4700::1111"],
  ["[2606:4700:4700::1111]", "allowed 2606:4700:4700::1111"],
  ["2606:4700:4700:0:0:0:0:1111", "allowed 2606:4700:4700::1111"],
  ["2A00:1450:4001:081C::200E", "allowed 2a00:1450:4001:81c::200e"],
  // IPv6 that is not global unicast.
  ["::1", "forbidden"],
  ["[::1]", "forbidden"],
  ["0:0:0:0:0:0:0:1", "forbidden"],
  ["::", "forbidden"],
  ["[::]", "forbidden"],
  ["fe80::1", "forbidden"],
  ["febf::1", "forbidden"],
  ["fec0::1", "forbidden"],
  ["fc00::1", "forbidden"],
  ["fd12:3456:789a::1", "forbidden"],
  ["ff02::1", "forbidden"],
  ["ff05::1:3", "forbidden"],
  ["64:ff9b::7f00:1", "forbidden"],
  ["64:ff9b::808:808", "forbidden"],
  ["64:ff9b:1::1", "forbidden"],
  ["2002:7f00:1::1", "forbidden"],
  ["2002:808:808::1", "forbidden"],
  ["2001:0:4136:e378:8000:63bf:3fff:fdd2", "forbidden"],
  ["2001:db8::1", "forbidden"],
  ["2001:2::1", "forbidden"],
  ["3fff::1", "forbidden"],
  ["100::1", "forbidden"],
  ["::127.0.0.1", "forbidden"],
  ["::7f00:1", "forbidden"],
  ["::8.8.8.8", "forbidden"],
  ["4000::1", "forbidden"],
  ["::ffff:0:808:808", "forbidden"],
  // IPv4-mapped IPv6 is judged as the IPv4 address inside it.
  ["::ffff:127.0.0.1", "forbidden"],
  ["::ffff:7f00:1", "forbidden"],
  ["[::ffff:127.0.0.1]", "forbidden"],
  ["0:0:0:0:0:ffff:7f00:1", "forbidden"],
  ["::ffff:169.254.169.254", "forbidden"],
  ["::ffff:10.0.0.1", "forbidden"],
  ["::ffff:8.8.8.8", "allowed 8.8.8.8"],
  ["::FFFF:808:808", "allowed 8.8.8.8"],
  // Zone ids, ports, schemes, paths, userinfo and other junk.
  ["fe80::1%eth0", "invalid"],
  ["[fe80::1%25eth0]", "invalid"],
  ["::1%1", "invalid"],
  ["[::1]:22", "invalid"],
  ["127.0.0.1:22", "invalid"],
  ["example.com:22", "invalid"],
  ["http://example.com", "invalid"],
  ["//example.com", "invalid"],
  ["example.com/path", "invalid"],
  ["user@example.com", "invalid"],
  ["user:pass@127.0.0.1", "invalid"],
  ["example.com?x=1", "invalid"],
  ["example.com#frag", "invalid"],
  ["exa mple.com", "invalid"],
  ["example.com\n127.0.0.1", "invalid"],
  ["", "invalid"],
  ["   ", "invalid"],
  ["1::2::3", "invalid"],
  ["::ffff:0177.0.0.1", "invalid"],
  ["::08.08.08.08", "invalid"],
  ["::ffff:0x7f.1.1.1", "invalid"],
  ["[1.2.3.4]", "invalid"],
  ["[::1", "invalid"],
  ["gggg::1", "invalid"],
];

const NAMES: [string, string][] = [
  ["example.com", "name example.com"],
  ["EXAMPLE.COM", "name example.com"],
  ["example.com.", "name example.com"],
  ["Bücher.de", "name xn--bcher-kva.de"],
  ["xn--bcher-kva.de", "name xn--bcher-kva.de"],
  ["mañana.example.org", "name xn--maana-pta.example.org"],
  ["sub-domain.example.co.uk", "name sub-domain.example.co.uk"],
  ["localhost", "forbidden"],
  ["LOCALHOST.", "forbidden"],
  ["foo.localhost", "forbidden"],
  ["printer.local", "forbidden"],
  ["db.internal", "forbidden"],
  ["router.home.arpa", "forbidden"],
  ["1.0.0.127.in-addr.arpa", "forbidden"],
  ["intranet", "forbidden"],
  ["-bad.example.com", "invalid"],
  ["bad-.example.com", "invalid"],
  ["a..b.com", "invalid"],
  ["exa*mple.com", "invalid"],
  [`${"a".repeat(64)}.com`, "invalid"],
  [`${"a.".repeat(126)}com`, "invalid"],
  ["example.123", "invalid"],
  ["foo.0x10", "invalid"],
];

describe("target policy on literal hosts", () => {
  it("has at least 80 cases", () => {
    expect(LITERALS.length + NAMES.length).toBeGreaterThanOrEqual(80);
  });
  it.each(LITERALS)("%j is %s", (input, expected) => {
    expect(verdictFor(input)).toBe(expected);
  });
});

describe("target policy on hostnames", () => {
  it.each(NAMES)("%j is %s", (input, expected) => {
    expect(verdictFor(input)).toBe(expected);
  });
});

describe("TARGET_ALLOWLIST", () => {
  const allowlist = [ipaddr.parseCIDR("127.0.0.2/32"), ipaddr.parseCIDR("fd00:abcd::/32")];
  it.each([
    ["127.0.0.2", "allowed 127.0.0.2"],
    ["::ffff:127.0.0.2", "allowed 127.0.0.2"],
    ["127.0.0.1", "forbidden"],
    ["127.0.0.3", "forbidden"],
    ["fd00:abcd::5", "allowed fd00:abcd::5"],
    ["fd00:abce::5", "forbidden"],
  ])("with 127.0.0.2/32 and fd00:abcd::/32 allowed, %s is %s", (input, expected) => {
    expect(verdictFor(input, { allowlist })).toBe(expected);
  });
});

describe("TARGET_DENYLIST", () => {
  it("refuses global addresses the operator names, even when allowlisted", () => {
    const rules = { denylist: [ipaddr.parseCIDR("8.8.8.0/24"), ipaddr.parseCIDR("2001:4860::/32")], allowlist: [ipaddr.parseCIDR("8.8.8.8/32")] };
    expect(verdictFor("8.8.8.8", rules)).toBe("forbidden");
    expect(verdictFor("::ffff:8.8.8.9", rules)).toBe("forbidden");
    expect(verdictFor("2001:4860:4860::8888", rules)).toBe("forbidden");
    expect(verdictFor("8.8.4.4", rules)).toBe("allowed 8.8.4.4");
  });

  it("gives the built-in reason when a denylisted address is also in a forbidden range", () => {
    const rules = { denylist: [ipaddr.parseCIDR("128.0.0.0/1"), ipaddr.parseCIDR("8.8.8.0/24")] };
    expect(judgeAddress("192.168.1.1", rules)).toMatchObject({ allowed: false, reason: expect.stringContaining("private network") });
    expect(judgeAddress("8.8.8.8", rules)).toMatchObject({ allowed: false, reason: "refused by this Portcheck's operator" });
  });
});

describe("resolveTarget", () => {
  const allowlist = [ipaddr.parseCIDR("127.0.0.2/32")];

  it("refuses a name when any of its addresses is forbidden", async () => {
    const resolver = async () => [
      { address: "127.0.0.2", family: 4 as const },
      { address: "10.1.2.3", family: 4 as const },
    ];
    await expect(resolveTarget("mixed.example.net", { allowlist, resolver })).rejects.toMatchObject({
      code: "target_forbidden",
      message: expect.stringContaining("10.1.2.3"),
    });
  });

  it("judges IPv4-mapped answers as IPv4 and prefers IPv4 for the probe", async () => {
    const resolver = async () => [
      { address: "2606:4700:4700::1111", family: 6 as const },
      { address: "::ffff:127.0.0.2", family: 6 as const },
    ];
    const target = await resolveTarget("dual.example.net", { allowlist, resolver });
    expect(target.address).toEqual({ address: "127.0.0.2", family: 4 });
    expect(target.addresses).toHaveLength(2);
  });

  it("turns NXDOMAIN into a permanent dns_failed and SERVFAIL into a transient one", async () => {
    const fail = (code: string) => async () => {
      throw Object.assign(new Error(code), { code });
    };
    await expect(resolveTarget("nx.example.net", { allowlist, resolver: fail("ENOTFOUND") })).rejects.toMatchObject({ code: "dns_failed", transient: false });
    await expect(resolveTarget("sf.example.net", { allowlist, resolver: fail("ESERVFAIL") })).rejects.toMatchObject({ code: "dns_failed", transient: true });
  });

  it("refuses resolver answers that are IPv4-compatible or not in standard notation", async () => {
    const answer = (address: string) => async () => [{ address, family: 6 as const }];
    await expect(resolveTarget("compat.example.net", { allowlist, resolver: answer("::8.8.8.8") })).rejects.toMatchObject({ code: "target_forbidden" });
    await expect(resolveTarget("odd.example.net", { allowlist, resolver: answer("2130706433") })).rejects.toMatchObject({ code: "dns_failed" });
  });

  it("does not look literal addresses up", async () => {
    let calls = 0;
    const resolver = async () => {
      calls++;
      return [];
    };
    await resolveTarget("127.0.0.2", { allowlist, resolver });
    await expect(resolveTarget("127.0.0.1", { allowlist, resolver })).rejects.toMatchObject({ code: "target_forbidden" });
    expect(calls).toBe(0);
  });

  it("resolves real system names: localhost is refused before any lookup", async () => {
    await expect(resolveTarget("localhost", { allowlist })).rejects.toMatchObject({ code: "target_forbidden" });
  });
});
