// GET, PATCH, DELETE /api/v1/monitors/{id}: one monitor of the caller (another account's is 404).
import { ENDPOINTS } from "@/lib/http/endpoints";
import { jsonResponse, route } from "@/lib/http/route";
import { getMonitor } from "@/lib/monitors/queries";
import { deleteMonitor, notFoundMonitor, updateMonitor } from "@/lib/monitors/update-monitor";

export const dynamic = "force-dynamic";

export const GET = route(ENDPOINTS.getMonitor, async ({ params, user, context }) => {
  const monitor = await getMonitor(context.db, user.id, params.id);
  if (!monitor) throw notFoundMonitor();
  return jsonResponse(monitor);
});

export const PATCH = route(ENDPOINTS.updateMonitor, async ({ params, body, user, context }) => {
  const { monitor, webhookSecret } = await updateMonitor(context, user.id, params.id, body);
  return jsonResponse({ ...monitor, ...(webhookSecret ? { webhookSecret } : {}) });
});

export const DELETE = route(ENDPOINTS.deleteMonitor, async ({ params, user, context }) => {
  await deleteMonitor(context, user.id, params.id);
  return new Response(null, { status: 204 });
});
