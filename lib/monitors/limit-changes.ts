// Creating, changing or testing a monitor can make the worker probe or send at once; such requests
// count per account against the same per-minute budget as instant checks.
import { env } from "../env";
import { rateLimited } from "../problem-error";
import { consume } from "../limits/rate-limits";
import { readyRedis } from "../redis";
import type { WebContext } from "../web-context";

export async function limitMonitorChanges(context: WebContext, userId: string): Promise<void> {
  await readyRedis(context.redis);
  const outcome = await consume(context.limiters.client, `user:${userId}`);
  if (!outcome.allowed) {
    throw rateLimited(`At most ${env().RATE_LIMIT_CHECKS_PER_MINUTE} monitor changes and test alerts a minute. Try again in ${outcome.retryAfterSeconds} s.`, outcome.retryAfterSeconds);
  }
}
