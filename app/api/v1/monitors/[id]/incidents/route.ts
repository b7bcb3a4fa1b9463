// GET /api/v1/monitors/{id}/incidents: state periods with start, end and duration, newest first.
import { idParams, jsonResponse, route } from "@/lib/http/route";
import { listIncidents, assertOwnsMonitor } from "@/lib/monitors/queries";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "user-or-key", params: idParams }, async ({ params, user, context }) => {
  await assertOwnsMonitor(context.db, user.id, params.id);
  return jsonResponse({ incidents: await listIncidents(context.db, params.id) });
});
