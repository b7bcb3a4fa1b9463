// GET /api/v1/monitors/{id}/results?cursor=&limit=: the monitor's results, newest first, paginated.
import { requireUser } from "@/lib/auth/session";
import { apiRoute, jsonResponse } from "@/lib/http/api-route";
import { listResults, assertOwnsMonitor } from "@/lib/monitors/queries";
import { resultsQuery } from "@/lib/monitors/schemas";
import { webContext } from "@/lib/web-context";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const user = await requireUser(request);
  const query = resultsQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const { db } = webContext();
  await assertOwnsMonitor(db, user.id, params.id);
  return jsonResponse(await listResults(db, params.id, query));
});
