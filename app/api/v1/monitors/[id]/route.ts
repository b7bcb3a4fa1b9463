// GET, PATCH, DELETE /api/v1/monitors/{id}: one monitor of the signed-in user (another account's is 404).
import { requireUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { apiRoute, jsonResponse, readJsonBody } from "@/lib/http/api-route";
import { limitMonitorChanges } from "@/lib/monitors/limit-changes";
import { getMonitor } from "@/lib/monitors/queries";
import { updateMonitorBody } from "@/lib/monitors/schemas";
import { deleteMonitor, notFoundMonitor, updateMonitor } from "@/lib/monitors/update-monitor";
import { webContext } from "@/lib/web-context";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const user = await requireUser(request);
  const monitor = await getMonitor(webContext().db, user.id, params.id);
  if (!monitor) throw notFoundMonitor();
  return jsonResponse(monitor);
});

export const PATCH = apiRoute<{ id: string }>(async (request, { params }) => {
  const user = await requireUser(request);
  const input = updateMonitorBody(env().MONITOR_MIN_INTERVAL_SECONDS).parse(await readJsonBody(request));
  await limitMonitorChanges(webContext(), user.id);
  const { db, monitorQueues } = webContext();
  const { monitor, webhookSecret } = await updateMonitor(db, monitorQueues, user.id, params.id, input);
  return jsonResponse({ ...monitor, ...(webhookSecret ? { webhookSecret } : {}) });
});

export const DELETE = apiRoute<{ id: string }>(async (request, { params }) => {
  const user = await requireUser(request);
  const { db, monitorQueues } = webContext();
  await deleteMonitor(db, monitorQueues, user.id, params.id);
  return new Response(null, { status: 204 });
});
