// Before the fault suite: refuse a non-local database, migrate a fresh one, clear the suite's Redis keys.
import { Redis } from "ioredis";
import { forgetKeys } from "../helpers/forget-keys";
import { freshDatabase } from "../helpers/fresh-database";
import { FAULTS_DATABASE_URL, FAULTS_ENV } from "./faults-env";

export default async function setup(): Promise<void> {
  const host = new URL(FAULTS_DATABASE_URL).hostname;
  if (!["127.0.0.1", "localhost", "::1"].includes(host)) throw new Error(`Refusing to run tests against a non-local database (${host}).`);
  await freshDatabase(FAULTS_DATABASE_URL);
  const redis = new Redis(FAULTS_ENV.REDIS_URL!);
  await forgetKeys(redis, `${FAULTS_ENV.REDIS_PREFIX}*`);
  await redis.quit();
}
