// GET /api/v1/monitors/{id}/incidents: state periods (up or down) with start, end and duration, newest first.
import { requireUser } from "@/lib/auth/session";
import { apiRoute, jsonResponse } from "@/lib/http/api-route";
import { listIncidents, assertOwnsMonitor } from "@/lib/monitors/queries";
import { webContext } from "@/lib/web-context";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const user = await requireUser(request);
  const { db } = webContext();
  await assertOwnsMonitor(db, user.id, params.id);
  return jsonResponse({ incidents: await listIncidents(db, params.id) });
});
