// GET /api/v1/monitors/{id}/deliveries: the alert delivery log (e-mail and webhook), newest first.
import { requireUser } from "@/lib/auth/session";
import { apiRoute, jsonResponse } from "@/lib/http/api-route";
import { listDeliveries, assertOwnsMonitor } from "@/lib/monitors/queries";
import { webContext } from "@/lib/web-context";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async (request, { params }) => {
  const user = await requireUser(request);
  const { db } = webContext();
  await assertOwnsMonitor(db, user.id, params.id);
  return jsonResponse({ deliveries: await listDeliveries(db, params.id) });
});
