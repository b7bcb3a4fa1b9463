// GET, PATCH, DELETE /api/v1/status-pages/{id}: one status page of the caller (another account's is 404).
import { ENDPOINTS } from "@/lib/http/endpoints";
import { jsonResponse, route } from "@/lib/http/route";
import { deleteStatusPage, getStatusPage, updateStatusPage } from "@/lib/status-pages/manage-status-pages";

export const dynamic = "force-dynamic";

export const GET = route(ENDPOINTS.getStatusPage, async ({ params, user, context }) => jsonResponse(await getStatusPage(context.db, user.id, params.id)));

export const PATCH = route(ENDPOINTS.updateStatusPage, async ({ params, body, user, context }) => jsonResponse(await updateStatusPage(context.db, user.id, params.id, body)));

export const DELETE = route(ENDPOINTS.deleteStatusPage, async ({ params, user, context }) => {
  await deleteStatusPage(context.db, user.id, params.id);
  return new Response(null, { status: 204 });
});
