// GET /api/v1/monitors/export?format=csv|json: the caller's monitors in the import's shape (a round trip).
import { ENDPOINTS } from "@/lib/http/endpoints";
import { route } from "@/lib/http/route";
import { exportMonitors } from "@/lib/monitors/export-monitors";

export const dynamic = "force-dynamic";

export const GET = route(ENDPOINTS.exportMonitors, async ({ query, user, context }) => {
  const { body, contentType } = await exportMonitors(context.db, user.id, query.format);
  return new Response(body, {
    headers: { "content-type": contentType, "cache-control": "no-store", "content-disposition": `attachment; filename="portcheck-monitors.${query.format}"` },
  });
});
