// The Prisma client for this process (PostgreSQL through the pg driver adapter). One per process.
// Its pg pool is ours, so the few hot paths that must cost one round trip and no query planning in
// JavaScript (a monitor run's vote, lib/monitors/fast-vote.ts) can send plain SQL on the same connections.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { env } from "./env";
import { PrismaClient } from "./generated/prisma/client";
import { logger } from "./logger";

export type Db = InstanceType<typeof PrismaClient>;

// On globalThis: Next.js bundles its own copies of this module, and a page may get the client another copy made.
const globalForPools = globalThis as unknown as { portcheckPools?: WeakMap<Db, pg.Pool> };
const pools = (globalForPools.portcheckPools ??= new WeakMap<Db, pg.Pool>());

export function createDb(databaseUrl: string = env().DATABASE_URL): Db {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    // Fail fast when PostgreSQL is down, so an API call answers 503 instead of hanging.
    connectionTimeoutMillis: 3000,
    // A statement that runs this long is a bug or an outage; give the connection back.
    statement_timeout: 10_000,
    max: env().DATABASE_POOL_SIZE,
  });
  // An idle connection dropped by a restarting server: the pool replaces it; without a listener it would end the process.
  pool.on("error", (error) => logger.warn({ err: error.message }, "idle PostgreSQL connection lost"));
  const client = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(client, pool);
  return client;
}

/** The pg pool under a client made by createDb: for plain SQL on the hot paths. */
export function sqlPool(db: Db): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error("this Prisma client was not made by createDb");
  return pool;
}

const globalForDb = globalThis as unknown as { portcheckDb?: Db };

/** The shared client; survives Next.js dev reloads. */
export function db(): Db {
  globalForDb.portcheckDb ??= createDb();
  return globalForDb.portcheckDb;
}
