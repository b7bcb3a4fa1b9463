// POST /api/v1/monitors/{id}/test-alert: send a test alert to every configured channel.
import { idParams, jsonResponse, route } from "@/lib/http/route";
import { sendTestAlert } from "@/lib/monitors/test-alert";

export const dynamic = "force-dynamic";

export const POST = route({ auth: "user-or-key", params: idParams, limit: "changes" }, async ({ params, user, context }) => {
  return jsonResponse({ deliveries: await sendTestAlert(context.db, context.monitorQueues, user.id, params.id) }, { status: 202 });
});
