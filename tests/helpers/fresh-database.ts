// Tests start from an empty database: earlier runs on the same machine (CI reuses the session's
// PostgreSQL as it was left) must not leave thousands of monitors for the next run's worker.
import pg from "pg";
import { migrate } from "../../prisma/migrator";

/** Drops the local database named in the URL (closing its connections) and migrates a new one. */
export async function freshDatabase(databaseUrl: string): Promise<void> {
  const url = new URL(databaseUrl);
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(url.hostname)) throw new Error(`Refusing to drop a non-local database (${url.hostname}).`);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!/^portcheck_[a-z0-9_]+$/.test(name)) throw new Error(`Refusing to drop a database not named portcheck_*: ${name}`);
  url.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: url.toString(), connectionTimeoutMillis: 5000 });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  await migrate(databaseUrl);
}
