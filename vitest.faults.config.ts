// The fault suite (`npm run test:faults`): a worker killed, Redis and PostgreSQL restarted, the web process
// restarted, each against real processes. Not part of `npm run test:unit`; see docs/RELIABILITY.md.
import path from "node:path";
import { defineConfig } from "vitest/config";
import { FAULTS_ENV } from "./tests/faults/faults-env";

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/faults/**/*.test.ts"],
    environment: "node",
    env: FAULTS_ENV,
    globalSetup: ["tests/faults/global-setup.ts"],
    setupFiles: ["tests/setup/contract.ts"],
    // Each file starts and kills processes of its own: one after another.
    fileParallelism: false,
    // A line as each file starts (tests/setup/progress-reporter.ts): a file that hangs is named in the output.
    reporters: ["default", "./tests/setup/progress-reporter.ts"],
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
