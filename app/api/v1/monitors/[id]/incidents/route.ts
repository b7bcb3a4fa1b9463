// GET /api/v1/monitors/{id}/incidents: state periods with start, end and duration, newest first.
import { ENDPOINTS } from "@/lib/http/endpoints";
import { nextLink } from "@/lib/http/pagination";
import { jsonResponse, route } from "@/lib/http/route";
import { listIncidents, assertOwnsMonitor } from "@/lib/monitors/queries";

export const dynamic = "force-dynamic";

export const GET = route(ENDPOINTS.listMonitorIncidents, async ({ request, params, query, user, context }) => {
  await assertOwnsMonitor(context.db, user.id, params.id);
  const page = await listIncidents(context.db, params.id, query);
  return jsonResponse({ incidents: page.items, next: nextLink(request, page.nextCursor) });
});
