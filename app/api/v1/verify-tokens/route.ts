// POST /api/v1/verify-tokens: a one-time ownership token for this visitor, valid ten minutes, and the
// listener commands that send it back when Portcheck connects (pass it as verifyToken in a check).
import { apiRoute, jsonResponse } from "@/lib/http/api-route";
import { ApiError, rateLimited } from "@/lib/http/problem";
import { clientKey } from "@/lib/http/client-ip";
import { consume } from "@/lib/limits/rate-limits";
import { listenerCommands } from "@/lib/ownership/listener-commands";
import { issueToken } from "@/lib/ownership/tokens";
import { readyRedis } from "@/lib/redis";
import { webContext } from "@/lib/web-context";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async (request, { client }) => {
  if (!client) throw new ApiError(400, "invalid_request", "Portcheck could not determine your IP address. Please try again.");
  const port = Number(new URL(request.url).searchParams.get("port") ?? "8080");
  const context = webContext();
  await readyRedis(context.redis);
  const limit = await consume(context.limiters.tokens, clientKey(client));
  if (!limit.allowed) throw rateLimited(`Too many tokens asked for. Try again in ${limit.retryAfterSeconds} s.`, limit.retryAfterSeconds);
  const { token, expiresAt } = await issueToken(context.redis, clientKey(client));
  return jsonResponse({ token, expiresAt: expiresAt.toISOString(), commands: listenerCommands(token, Number.isInteger(port) ? port : 8080) }, { status: 201 });
});
