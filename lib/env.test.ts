import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("parseEnv", () => {
  it("has defaults that work on a machine with local PostgreSQL and Redis", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBe("postgresql://postgres@127.0.0.1:5432/portcheck");
    expect(env.REDIS_URL).toBe("redis://127.0.0.1:6379");
    expect(env.PORT).toBe(3000);
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.TARGET_ALLOWLIST).toEqual([]);
    expect(env.TRUSTED_PROXIES).toEqual([]);
    expect(env.PROBE_TIMEOUT_MS).toBe(3000);
    expect(env.MAX_PORTS_PER_CHECK).toBe(20);
  });

  it("parses CIDR lists, with bare addresses as single hosts", () => {
    const env = parseEnv({ TARGET_ALLOWLIST: "127.0.0.2/32, 2001:db8::/32 ,192.0.2.1" });
    expect(env.TARGET_ALLOWLIST.map(([address, bits]) => `${address.toString()}/${bits}`)).toEqual(["127.0.0.2/32", "2001:db8::/32", "192.0.2.1/32"]);
  });

  it.each([
    ["PORT", "http"],
    ["PORT", "70000"],
    ["PROBE_TIMEOUT_MS", "50"],
    ["DATABASE_URL", "mysql://localhost/x"],
    ["REDIS_URL", "not a url"],
    ["TARGET_ALLOWLIST", "10.0.0.0/33"],
    ["TRUSTED_PROXIES", "proxy.example.com"],
    ["APP_URL", "ftp://example.com"],
    ["WORKER_CONCURRENCY", "0"],
    ["DNS_SERVERS", "dns.example.com"],
    ["DNS_SERVERS", "9.9.9.9:99999"],
    ["DNS_SERVERS", "[2620:fe::fe:53"],
    ["DNS_TIMEOUT_MS", "50"],
  ])("names the variable when %s=%j is bad", (name, value) => {
    expect(() => parseEnv({ [name]: value })).toThrow(new RegExp(`^Invalid environment configuration:\\n  ${name}: `));
  });

  it("keeps DNS servers as ip or ip:port, IPv6 in brackets with a port, empty for the system's", () => {
    expect(parseEnv({}).DNS_SERVERS).toEqual([]);
    expect(parseEnv({}).DNS_TIMEOUT_MS).toBe(2000);
    expect(parseEnv({ DNS_SERVERS: "9.9.9.9, 127.0.0.1:5353,[2620:fe::fe]:53, 2620:fe::9" }).DNS_SERVERS).toEqual(["9.9.9.9", "127.0.0.1:5353", "[2620:fe::fe]:53", "2620:fe::9"]);
  });

  it("strips a trailing slash from APP_URL", () => {
    expect(parseEnv({ APP_URL: "https://portcheck.example/" }).APP_URL).toBe("https://portcheck.example");
  });
});
