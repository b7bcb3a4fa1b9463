// POST /api/v1/verify-tokens: a one-time ownership token for this visitor, valid ten minutes, and the
// listener commands that send it back when Portcheck connects (pass it as verifyToken in a check).
import { clientKey } from "@/lib/http/client-ip";
import { jsonResponse, route } from "@/lib/http/route";
import { listenerCommands } from "@/lib/ownership/listener-commands";
import { issueToken } from "@/lib/ownership/tokens";
import { z } from "zod";

export const dynamic = "force-dynamic";

const query = z.object({ port: z.coerce.number().int().min(1).max(65535).catch(8080).default(8080) });

export const POST = route({ auth: "none", query, limit: "tokens" }, async ({ query, client, context }) => {
  const { token, expiresAt } = await issueToken(context.redis, clientKey(client!));
  return jsonResponse({ token, expiresAt: expiresAt.toISOString(), commands: listenerCommands(token, query.port) }, { status: 201 });
});
