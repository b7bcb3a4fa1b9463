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

describe("regions and Redis scale-out", () => {
  it("makes a worker of region local do everything, and a worker elsewhere probe only, unless told", () => {
    expect(parseEnv({}).WORKER_ROLE).toBe("all");
    expect(parseEnv({ REGION: "eu-west" }).WORKER_ROLE).toBe("probe");
    expect(parseEnv({ REGION: "eu-west", WORKER_ROLE: "all" }).WORKER_ROLE).toBe("all");
  });

  it("refuses region names that are not lower-case words with hyphens", () => {
    for (const bad of ["EU", "eu_west", "-eu", "eu-", "a".repeat(33), "eu west"]) expect(() => parseEnv({ REGION: bad }), bad).toThrow(/REGION/);
    expect(() => parseEnv({ DEFAULT_REGIONS: "local,Bad" })).toThrow(/DEFAULT_REGIONS: "Bad" is not a region name/);
    expect(parseEnv({ DEFAULT_REGIONS: " eu-west, us-east ,eu-west" }).DEFAULT_REGIONS).toEqual(["eu-west", "us-east"]);
  });

  it("takes several seed URLs under a cluster, and insists on a braced prefix there", () => {
    expect(parseEnv({ REDIS_CLUSTER: "true", REDIS_URL: "redis://10.0.0.1:7000,redis://10.0.0.2:7000", REDIS_PREFIX: "{pc}" }).REDIS_CLUSTER).toBe(true);
    expect(() => parseEnv({ REDIS_CLUSTER: "true", REDIS_PREFIX: "pc" })).toThrow(/REDIS_PREFIX: must be in braces/);
    expect(() => parseEnv({ REDIS_URL: "redis://a:1,http://b:2" })).toThrow(/REDIS_URL/);
    expect(() => parseEnv({ REDIS_TLS_CA: "/nonexistent/ca.pem" })).toThrow(/REDIS_TLS_CA: no such file/);
  });
});
