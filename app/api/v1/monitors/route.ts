// GET /api/v1/monitors: the caller's monitors. POST /api/v1/monitors: add one. A session or an API key.
import { ENDPOINTS } from "@/lib/http/endpoints";
import { nextLink } from "@/lib/http/pagination";
import { jsonResponse, route } from "@/lib/http/route";
import { createMonitor } from "@/lib/monitors/create-monitor";
import { listMonitors } from "@/lib/monitors/queries";

export const dynamic = "force-dynamic";

export const GET = route(ENDPOINTS.listMonitors, async ({ request, query, user, context }) => {
  const page = await listMonitors(context.db, user.id, query);
  return jsonResponse({ monitors: page.items, next: nextLink(request, page.nextCursor) });
});

export const POST = route(ENDPOINTS.createMonitor, async ({ body, user, context }) => {
  const { monitor, webhookSecret } = await createMonitor(context, user.id, body);
  return jsonResponse({ ...monitor, ...(webhookSecret ? { webhookSecret } : {}) }, { status: 201, headers: { location: monitor.links.self } });
});
