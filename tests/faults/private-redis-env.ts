// Imported first by the Redis fault test: a private redis-server (append-only, as in production) that the
// test kills and starts again, set as REDIS_URL before the configuration is first read (workers inherit it).
import { startRestartableRedis } from "../helpers/restartable-redis";

export const privateRedis = await startRestartableRedis();
process.env.REDIS_URL = privateRedis.url;
