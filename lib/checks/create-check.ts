// Create an instant check: validate, refuse forbidden literal targets, apply the abuse limits,
// store the check with one pending result per port, enqueue one job.
import { env } from "../env";
import { newId } from "../ids";
import { ApiError, rateLimited } from "../http/problem";
import type { ClientIp } from "../http/client-ip";
import { clientKey } from "../http/client-ip";
import { consume, peek } from "../limits/rate-limits";
import { enqueueCheck } from "../queue/checks-queue";
import { readyRedis } from "../redis";
import { normaliseHostOrThrow } from "../targets/check-literal";
import type { WebContext } from "../web-context";
import { parsePorts } from "./ports";
import type { CreateCheckBody } from "./schemas";

export interface CreatedCheck {
  id: string;
  host: string;
  ports: number[];
  timeoutMs: number;
  createdAt: Date;
}

export async function createCheck(
  body: CreateCheckBody,
  caller: { client: ClientIp | null; maxPorts?: number },
  context: WebContext,
): Promise<CreatedCheck> {
  const config = env();
  const maxPorts = caller.maxPorts ?? config.MAX_PORTS_PER_CHECK;
  const ports = parsePorts(body.ports, maxPorts);
  if (!ports.ok) {
    throw new ApiError(
      400,
      "invalid_request",
      ports.issues.map((issue) => issue.message).join(" "),
      ports.issues.map((issue) => ({ path: issue.index >= 0 ? `ports/${issue.index}` : "ports", message: issue.message })),
    );
  }

  // Without the caller's address there is no rate limit to apply, so there is no check either.
  const client = caller.client;
  if (!client) throw new ApiError(400, "invalid_request", "Portcheck could not determine your IP address. Please try again.");
  const host = normaliseHostOrThrow(body.host.toLowerCase() === "me" ? client.ip : body.host);

  await readyRedis(context.redis);
  const limited = await consume(context.limiters.client, clientKey(client));
  if (!limited.allowed) throw rateLimited(`You can start ${config.RATE_LIMIT_CHECKS_PER_MINUTE} checks a minute. Try again in ${limited.retryAfterSeconds} s.`, limited.retryAfterSeconds);
  if (host.literal) {
    const outcome = await peek(context.limiters.target, host.value, ports.ports.length);
    if (!outcome.allowed) throw rateLimited(`${host.value} has been probed too often in the last minute. Try again in ${outcome.retryAfterSeconds} s.`, outcome.retryAfterSeconds);
  }

  const id = newId();
  const timeoutMs = body.timeoutMs ?? config.PROBE_TIMEOUT_MS;
  const check = await context.db.check.create({
    data: {
      id,
      host: host.value,
      ports: ports.ports,
      timeoutMs,
      clientKey: clientKey(client),
      results: { createMany: { data: ports.ports.map((port) => ({ port })) } },
    },
    select: { id: true, host: true, ports: true, timeoutMs: true, createdAt: true },
  });
  try {
    await enqueueCheck(context.checksQueue, id);
  } catch (error) {
    // Nothing was promised to the caller yet: remove the check rather than leave it queued forever.
    await context.db.check.delete({ where: { id } }).catch(() => {});
    throw error;
  }
  return check;
}
