// GET /api/v1/monitors/{id}/results?cursor=&limit=: the monitor's results, newest first, paginated.
import { idParams, jsonResponse, route } from "@/lib/http/route";
import { assertOwnsMonitor, listResults } from "@/lib/monitors/queries";
import { resultsQuery } from "@/lib/monitors/schemas";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "user-or-key", params: idParams, query: resultsQuery }, async ({ params, query, user, context }) => {
  await assertOwnsMonitor(context.db, user.id, params.id);
  return jsonResponse(await listResults(context.db, params.id, query));
});
