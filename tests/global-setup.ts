// Before any test: refuse a non-local database, drop the test database of earlier runs and migrate a new one, clear test keys in Redis.
import { Redis } from "ioredis";
import { forgetKeys } from "./helpers/forget-keys";
import { freshDatabase } from "./helpers/fresh-database";
import { TEST_DATABASE_URL, TEST_ENV } from "./test-env";

export default async function setup(): Promise<void> {
  const host = new URL(TEST_DATABASE_URL).hostname;
  if (!["127.0.0.1", "localhost", "::1"].includes(host)) throw new Error(`Refusing to run tests against a non-local database (${host}).`);
  await freshDatabase(TEST_DATABASE_URL);
  const redis = new Redis(TEST_ENV.REDIS_URL!);
  // Every prefix a test uses starts with the tests' own (portcheck-test-regions, portcheck-test-processor...).
  await forgetKeys(redis, `${TEST_ENV.REDIS_PREFIX}*`);
  await redis.quit();
}
