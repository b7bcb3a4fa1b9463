// DELETE /api/v1/api-keys/{id}: revoke a key at once. A signed-in session only.
import { revokeApiKey } from "@/lib/api-keys/api-keys";
import { ENDPOINTS } from "@/lib/http/endpoints";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const DELETE = route(ENDPOINTS.revokeApiKey, async ({ params, user, context }) => {
  await revokeApiKey(context.db, user.id, params.id);
  return new Response(null, { status: 204 });
});
