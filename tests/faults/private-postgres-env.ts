// Imported first by the PostgreSQL fault test: a private PostgreSQL cluster (never the machine's shared one),
// migrated, and set as DATABASE_URL before the configuration is first read (workers inherit it).
import { freshDatabase } from "../helpers/fresh-database";
import { startPrivatePostgres } from "../helpers/private-postgres";
import { TEST_INSTANCE } from "../instance";

export const privatePostgres = await startPrivatePostgres();
const url = privatePostgres.url(TEST_INSTANCE.faultsDatabase);
await freshDatabase(url);
process.env.DATABASE_URL = url;
