// GET /api/v1/monitors: the signed-in user's monitors. POST /api/v1/monitors: add one.
import { requireUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { apiRoute, jsonResponse, readJsonBody } from "@/lib/http/api-route";
import { createMonitor } from "@/lib/monitors/create-monitor";
import { limitMonitorChanges } from "@/lib/monitors/limit-changes";
import { listMonitors } from "@/lib/monitors/queries";
import { createMonitorBody } from "@/lib/monitors/schemas";
import { webContext } from "@/lib/web-context";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) => {
  const user = await requireUser(request);
  return jsonResponse({ monitors: await listMonitors(webContext().db, user.id) });
});

export const POST = apiRoute(async (request) => {
  const user = await requireUser(request);
  const input = createMonitorBody(env().MONITOR_MIN_INTERVAL_SECONDS).parse(await readJsonBody(request));
  await limitMonitorChanges(webContext(), user.id);
  const { db, monitorQueues } = webContext();
  const { monitor, webhookSecret } = await createMonitor(db, monitorQueues, user.id, input);
  return jsonResponse({ ...monitor, ...(webhookSecret ? { webhookSecret } : {}) }, { status: 201, headers: { location: monitor.links.self } });
});
