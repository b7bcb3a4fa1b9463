// The environment every test process runs with: its own database and Redis key prefix,
// 127.0.0.2 allowed as a stand-in for the internet, and 127.0.0.1 still forbidden.
export const TEST_DATABASE_URL = "postgresql://postgres@127.0.0.1:5432/portcheck_test";

export const TEST_ENV: Record<string, string> = {
  NODE_ENV: "test",
  DATABASE_URL: TEST_DATABASE_URL,
  REDIS_URL: "redis://127.0.0.1:6379",
  REDIS_PREFIX: "portcheck-test",
  APP_URL: "http://localhost:3000",
  TARGET_ALLOWLIST: "127.0.0.2/32",
  TRUSTED_PROXIES: "",
  PROBE_TIMEOUT_MS: "1000",
  MAX_PORTS_PER_CHECK: "20",
  RATE_LIMIT_CHECKS_PER_MINUTE: "1000",
  RATE_LIMIT_TARGET_PER_MINUTE: "100000",
  RATE_LIMIT_REQUESTS_PER_MINUTE: "100000",
  LOG_LEVEL: "silent",
};
