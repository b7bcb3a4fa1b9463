// The Prisma client for this process (PostgreSQL through the pg driver adapter). One per process.
import { PrismaPg } from "@prisma/adapter-pg";
import { env } from "./env";
import { PrismaClient } from "./generated/prisma/client";

export type Db = InstanceType<typeof PrismaClient>;

export function createDb(databaseUrl: string = env().DATABASE_URL): Db {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    // Fail fast when PostgreSQL is down, so an API call answers 503 instead of hanging.
    connectionTimeoutMillis: 3000,
    // A statement that runs this long is a bug or an outage; give the connection back.
    statement_timeout: 10_000,
    max: env().DATABASE_POOL_SIZE,
  });
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as unknown as { portcheckDb?: Db };

/** The shared client; survives Next.js dev reloads. */
export function db(): Db {
  globalForDb.portcheckDb ??= createDb();
  return globalForDb.portcheckDb;
}
