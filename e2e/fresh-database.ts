// Run before `npm start` in the e2e web server command: the browser tests start from an empty database and
// with nothing of earlier runs in Redis under their prefix (queues and schedulers of monitors that the new
// database no longer has, rate-limit counters, the per-address mail cap: the admin test signs the same
// address up every run, three mails an hour).
import { Redis } from "ioredis";
import { forgetKeys } from "../tests/helpers/forget-keys";
import { freshDatabase } from "../tests/helpers/fresh-database";

const prefix = process.env.REDIS_PREFIX ?? "";
if (!/^portcheck-([a-z0-9]+-)?e2e$/.test(prefix)) throw new Error(`Refusing to clear a Redis prefix not named portcheck-*e2e: ${prefix}`);
await freshDatabase(process.env.DATABASE_URL!);
const redis = new Redis(process.env.REDIS_URL ?? "redis://127.0.0.1:6379");
await forgetKeys(redis, `${prefix}:*`);
await redis.quit();
