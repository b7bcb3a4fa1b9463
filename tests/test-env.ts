// The environment every test process runs with: its own database and Redis key prefix,
// 127.0.0.2 allowed as a stand-in for the internet, and 127.0.0.1 still forbidden.
import { TEST_INSTANCE } from "./instance";

export const TEST_DATABASE_URL = `postgresql://postgres@127.0.0.1:5432/${TEST_INSTANCE.unitDatabase}`;

/** The test instances' net: every IPv4 address but 10/8 and 127/8, and all of 2000::/3, stays forbidden. */
export const TEST_DENYLIST =
  "0.0.0.0/5,8.0.0.0/7,11.0.0.0/8,12.0.0.0/6,16.0.0.0/4,32.0.0.0/3,64.0.0.0/3,96.0.0.0/4,112.0.0.0/5,120.0.0.0/6,124.0.0.0/7,126.0.0.0/8,128.0.0.0/1,2000::/3";

export const TEST_ENV: Record<string, string> = {
  NODE_ENV: "test",
  DATABASE_URL: TEST_DATABASE_URL,
  REDIS_URL: "redis://127.0.0.1:6379",
  REDIS_PREFIX: TEST_INSTANCE.unitPrefix,
  APP_URL: "http://localhost:3000",
  TARGET_ALLOWLIST: "127.0.0.2/32",
  // The nets: every other public address stays forbidden, and a name resolves only through a DNS server on
  // loopback (a test that needs names starts one and sets DNS_SERVERS); never through the machine's resolver,
  // whose answer (or silence, where its packets are dropped) is not the tests' to depend on.
  TARGET_DENYLIST: TEST_DENYLIST,
  DNS_SERVERS: "127.0.0.1:9",
  TRUSTED_PROXIES: "",
  PROBE_TIMEOUT_MS: "1000",
  MAX_PORTS_PER_CHECK: "20",
  RATE_LIMIT_CHECKS_PER_MINUTE: "1000",
  RATE_LIMIT_TARGET_PER_MINUTE: "100000",
  RATE_LIMIT_REQUESTS_PER_MINUTE: "100000",
  LOG_LEVEL: "silent",
};
