// GET /api/v1/monitors/{id}/deliveries: the alert delivery log (e-mail and webhook), newest first.
import { nextLink, pageQuery } from "@/lib/http/pagination";
import { idParams, jsonResponse, route } from "@/lib/http/route";
import { listDeliveries, assertOwnsMonitor } from "@/lib/monitors/queries";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "user-or-key", params: idParams, query: pageQuery }, async ({ request, params, query, user, context }) => {
  await assertOwnsMonitor(context.db, user.id, params.id);
  const page = await listDeliveries(context.db, params.id, query);
  return jsonResponse({ deliveries: page.items, next: nextLink(request, page.nextCursor) });
});
