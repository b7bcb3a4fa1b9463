// The fault suite's environment: the unit tests' settings on a database and Redis prefix of its own, so that
// `npm run test:faults` never shares state with a unit run of the same instance.
import { TEST_INSTANCE } from "../instance";
import { TEST_ENV } from "../test-env";

export const FAULTS_DATABASE_URL = `postgresql://postgres@127.0.0.1:5432/${TEST_INSTANCE.faultsDatabase}`;

export const FAULTS_ENV: Record<string, string> = {
  ...TEST_ENV,
  DATABASE_URL: FAULTS_DATABASE_URL,
  REDIS_PREFIX: TEST_INSTANCE.faultsPrefix,
  // 500 checks from one test process: limits that never interfere with the faults under test.
  RATE_LIMIT_CHECKS_PER_MINUTE: "100000",
  RATE_LIMIT_TARGET_PER_MINUTE: "1000000",
  RATE_LIMIT_REQUESTS_PER_MINUTE: "1000000",
  MONITOR_MIN_INTERVAL_SECONDS: "1",
};
