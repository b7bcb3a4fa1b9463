// POST /api/v1/api-keys: create a key (shown once). GET /api/v1/api-keys: the account's keys.
// A signed-in session only, never a key, so a leaked key cannot mint more keys.
import { createApiKey, listApiKeys } from "@/lib/api-keys/api-keys";
import { ENDPOINTS } from "@/lib/http/endpoints";
import { nextLink } from "@/lib/http/pagination";
import { jsonResponse, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = route(ENDPOINTS.createApiKey, async ({ body, user, context }) => {
  return jsonResponse(await createApiKey(context.db, user.id, body), { status: 201 });
});

export const GET = route(ENDPOINTS.listApiKeys, async ({ request, query, user, context }) => {
  const page = await listApiKeys(context.db, user.id, query);
  return jsonResponse({ apiKeys: page.items, next: nextLink(request, page.nextCursor) });
});
