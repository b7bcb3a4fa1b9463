// GET /api/v1/monitors/{id}/deliveries: the alert delivery log (e-mail and webhook), newest first.
import { ENDPOINTS } from "@/lib/http/endpoints";
import { nextLink } from "@/lib/http/pagination";
import { jsonResponse, route } from "@/lib/http/route";
import { listDeliveries, assertOwnsMonitor } from "@/lib/monitors/queries";

export const dynamic = "force-dynamic";

export const GET = route(ENDPOINTS.listMonitorDeliveries, async ({ request, params, query, user, context }) => {
  await assertOwnsMonitor(context.db, user.id, params.id);
  const page = await listDeliveries(context.db, params.id, query);
  return jsonResponse({ deliveries: page.items, next: nextLink(request, page.nextCursor) });
});
