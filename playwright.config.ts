// Browser tests in Debian's Chromium against the real app started with `npm start`
// (migrations, web and worker), on its own database and Redis prefix.
import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";
import { TEST_INSTANCE } from "./tests/instance";
import { TEST_DENYLIST } from "./tests/test-env";

const PORT = TEST_INSTANCE.e2ePort;
const E2E_SMTP_PORT = TEST_INSTANCE.e2ePort + 1;
const BASE_URL = `http://127.0.0.1:${PORT}`;
const DATABASE_URL = `postgresql://postgres@127.0.0.1:5432/${TEST_INSTANCE.e2eDatabase}`;
const CHROMIUM = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].find((path) => existsSync(path));

if (!["127.0.0.1", "localhost"].includes(new URL(DATABASE_URL).hostname)) throw new Error("Refusing to run e2e tests against a non-local database.");
if (!CHROMIUM) throw new Error("Chromium is missing: apt-get install -y chromium");

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [["list"]],
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    { name: "chromium", use: { ...devices["Desktop Chrome"] } },
    { name: "mobile", use: { ...devices["Pixel 7"] }, testMatch: /checker\.spec\.ts/ },
  ],
  webServer: {
    command: "node --import tsx e2e/fresh-database.ts && npm start",
    url: `${BASE_URL}/api/ready`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    env: {
      NODE_ENV: "production",
      PORT: String(PORT),
      HOST: "127.0.0.1",
      APP_URL: BASE_URL,
      DATABASE_URL,
      REDIS_PREFIX: TEST_INSTANCE.e2ePrefix,
      TARGET_ALLOWLIST: "127.0.0.2/32",
      // e2e/forwarding-proxy.ts: a reverse proxy on 127.0.0.3 that says a visitor's address is 127.0.0.2.
      TRUSTED_PROXIES: "127.0.0.3/32",
      // The net: every other public address stays forbidden, and names resolve nowhere.
      TARGET_DENYLIST: TEST_DENYLIST,
      DNS_SERVERS: "127.0.0.1:9",
      PROBE_TIMEOUT_MS: "1000",
      RATE_LIMIT_CHECKS_PER_MINUTE: "1000",
      RATE_LIMIT_TARGET_PER_MINUTE: "100000",
      RATE_LIMIT_REQUESTS_PER_MINUTE: "100000",
      LOG_LEVEL: "warn",
      BETTER_AUTH_SECRET: "e2e-secret-that-is-long-enough-0123456789",
      MONITOR_MIN_INTERVAL_SECONDS: "1",
      // e2e/mailbox.ts listens there, in the test process, to open confirmation links.
      SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
      // e2e/admin.spec.ts signs this account up and confirms it.
      ADMIN_EMAILS: "e2e-admin@example.com",
      NEXT_TELEMETRY_DISABLED: "1",
    },
  },
});
