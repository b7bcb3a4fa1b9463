// GET /api/v1/monitors/{id}/deliveries: the alert delivery log (e-mail and webhook), newest first.
import { idParams, jsonResponse, route } from "@/lib/http/route";
import { listDeliveries, assertOwnsMonitor } from "@/lib/monitors/queries";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "user-or-key", params: idParams }, async ({ params, user, context }) => {
  await assertOwnsMonitor(context.db, user.id, params.id);
  return jsonResponse({ deliveries: await listDeliveries(context.db, params.id) });
});
