// GET /api/v1/channels/{id}/deliveries: the channel's delivery log, newest first.
import { listChannelDeliveries } from "@/lib/channels/queries";
import { ENDPOINTS } from "@/lib/http/endpoints";
import { nextLink } from "@/lib/http/pagination";
import { jsonResponse, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(ENDPOINTS.listChannelDeliveries, async ({ request, params, query, user, context }) => {
  const page = await listChannelDeliveries(context.db, user.id, params.id, query);
  return jsonResponse({ deliveries: page.items, next: nextLink(request, page.nextCursor) });
});
