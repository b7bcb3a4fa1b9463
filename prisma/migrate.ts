// `npm run db:migrate`: creates the database if needed and applies pending migrations.
import { loadEnvOrExit } from "../lib/env";
import { migrate } from "./migrator";

const { DATABASE_URL } = loadEnvOrExit();
try {
  const result = await migrate(DATABASE_URL, { log: (message) => console.log(message) });
  console.log(result.applied.length ? `Database is up to date (${result.applied.length} applied).` : "Database is up to date.");
} catch (error) {
  console.error(`Migration failed: ${(error as Error).message}`);
  process.exit(1);
}
