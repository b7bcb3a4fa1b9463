// POST /api/v1/monitors/{id}/test-alert: send a test alert to every configured channel.
import { ENDPOINTS } from "@/lib/http/endpoints";
import { jsonResponse, route } from "@/lib/http/route";
import { sendTestAlert } from "@/lib/monitors/test-alert";

export const dynamic = "force-dynamic";

export const POST = route(ENDPOINTS.sendTestAlert, async ({ params, user, context }) => {
  return jsonResponse({ deliveries: await sendTestAlert(context.db, context.monitorQueues, user.id, params.id) }, { status: 202 });
});
