// GET /api/v1/monitors/{id}/results?cursor=&limit=: the monitor's results, newest first, paginated.
import { nextLink } from "@/lib/http/pagination";
import { ENDPOINTS } from "@/lib/http/endpoints";
import { jsonResponse, route } from "@/lib/http/route";
import { assertOwnsMonitor, listResults } from "@/lib/monitors/queries";

export const dynamic = "force-dynamic";

export const GET = route(ENDPOINTS.listMonitorResults, async ({ request, params, query, user, context }) => {
  await assertOwnsMonitor(context.db, user.id, params.id);
  const page = await listResults(context.db, params.id, query);
  return jsonResponse({ ...page, next: nextLink(request, page.nextCursor) });
});
