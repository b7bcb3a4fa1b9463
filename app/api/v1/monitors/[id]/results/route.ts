// GET /api/v1/monitors/{id}/results?cursor=&limit=: the monitor's results, newest first, paginated.
import { nextLink } from "@/lib/http/pagination";
import { idParams, jsonResponse, route } from "@/lib/http/route";
import { assertOwnsMonitor, listResults } from "@/lib/monitors/queries";
import { resultsQuery } from "@/lib/monitors/schemas";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "user-or-key", params: idParams, query: resultsQuery }, async ({ request, params, query, user, context }) => {
  await assertOwnsMonitor(context.db, user.id, params.id);
  const page = await listResults(context.db, params.id, query);
  return jsonResponse({ ...page, next: nextLink(request, page.nextCursor) });
});
