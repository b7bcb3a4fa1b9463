// GET, PATCH, DELETE /api/v1/maintenance-windows/{id}: one maintenance window of the caller (another account's is 404).
import { ENDPOINTS } from "@/lib/http/endpoints";
import { jsonResponse, route } from "@/lib/http/route";
import { deleteMaintenanceWindow, getMaintenanceWindow, updateMaintenanceWindow } from "@/lib/maintenance/manage-windows";

export const dynamic = "force-dynamic";

export const GET = route(ENDPOINTS.getMaintenanceWindow, async ({ params, user, context }) => jsonResponse(await getMaintenanceWindow(context.db, user.id, params.id)));

export const PATCH = route(ENDPOINTS.updateMaintenanceWindow, async ({ params, body, user, context }) => jsonResponse(await updateMaintenanceWindow(context.db, user.id, params.id, body)));

export const DELETE = route(ENDPOINTS.deleteMaintenanceWindow, async ({ params, user, context }) => {
  await deleteMaintenanceWindow(context.db, user.id, params.id);
  return new Response(null, { status: 204 });
});
