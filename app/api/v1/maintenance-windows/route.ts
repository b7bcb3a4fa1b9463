// GET /api/v1/maintenance-windows: the caller's maintenance windows. POST: plan one. A session or an API key.
import { ENDPOINTS } from "@/lib/http/endpoints";
import { jsonResponse, route } from "@/lib/http/route";
import { createMaintenanceWindow, listMaintenanceWindows } from "@/lib/maintenance/manage-windows";

export const dynamic = "force-dynamic";

export const GET = route(ENDPOINTS.listMaintenanceWindows, async ({ user, context }) => jsonResponse({ maintenanceWindows: await listMaintenanceWindows(context.db, user.id) }));

export const POST = route(ENDPOINTS.createMaintenanceWindow, async ({ body, user, context }) => {
  const window = await createMaintenanceWindow(context.db, user.id, body);
  return jsonResponse(window, { status: 201, headers: { location: window.links.self } });
});
