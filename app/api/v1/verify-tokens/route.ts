// POST /api/v1/verify-tokens: a one-time ownership token for this visitor, valid ten minutes, and the
// listener commands that send it back when Portcheck connects (pass it as verifyToken in a check).
import { clientKey } from "@/lib/http/client-ip";
import { ENDPOINTS } from "@/lib/http/endpoints";
import { jsonResponse, route } from "@/lib/http/route";
import { listenerCommands } from "@/lib/ownership/listener-commands";
import { issueToken } from "@/lib/ownership/tokens";

export const dynamic = "force-dynamic";

export const POST = route(ENDPOINTS.createVerifyToken, async ({ query, client, context }) => {
  const { token, expiresAt } = await issueToken(context.redis, clientKey(client!));
  return jsonResponse({ token, expiresAt: expiresAt.toISOString(), commands: listenerCommands(token, query.port) }, { status: 201 });
});
