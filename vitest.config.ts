// Unit and integration tests (real PostgreSQL, Redis and sockets on loopback). Browser tests are in e2e/.
import path from "node:path";
import { defineConfig } from "vitest/config";
import { TEST_ENV } from "./tests/test-env";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["lib/**/*.test.ts", "tests/**/*.test.ts", "worker/**/*.test.ts"],
    // The fault suite has its own config (vitest.faults.config.ts, npm run test:faults).
    exclude: ["tests/faults/**", "**/node_modules/**"],
    environment: "node",
    env: TEST_ENV,
    globalSetup: ["tests/global-setup.ts"],
    // Every API answer any test receives is checked against the OpenAPI document.
    setupFiles: ["tests/setup/contract.ts"],
    // Integration tests share one database and one Redis: run files one after another.
    fileParallelism: false,
    // A line as each file starts (tests/setup/progress-reporter.ts): a file that hangs is named in the output.
    reporters: ["default", "./tests/setup/progress-reporter.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
