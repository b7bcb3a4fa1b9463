// Run before `npm start` in the e2e web server command: the browser tests start from an empty database.
import { freshDatabase } from "../tests/helpers/fresh-database";

await freshDatabase(process.env.DATABASE_URL!);
