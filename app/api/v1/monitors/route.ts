// GET /api/v1/monitors: the caller's monitors. POST /api/v1/monitors: add one. A session or an API key.
import { env } from "@/lib/env";
import { nextLink, pageQuery } from "@/lib/http/pagination";
import { jsonResponse, route } from "@/lib/http/route";
import { createMonitor } from "@/lib/monitors/create-monitor";
import { listMonitors } from "@/lib/monitors/queries";
import { createMonitorBody } from "@/lib/monitors/schemas";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "user-or-key", query: pageQuery }, async ({ request, query, user, context }) => {
  const page = await listMonitors(context.db, user.id, query);
  return jsonResponse({ monitors: page.items, next: nextLink(request, page.nextCursor) });
});

export const POST = route({ auth: "user-or-key", body: () => createMonitorBody(env().MONITOR_MIN_INTERVAL_SECONDS), limit: "changes", idempotent: true }, async ({ body, user, context }) => {
  const { monitor, webhookSecret } = await createMonitor(context, user.id, body);
  return jsonResponse({ ...monitor, ...(webhookSecret ? { webhookSecret } : {}) }, { status: 201, headers: { location: monitor.links.self } });
});
