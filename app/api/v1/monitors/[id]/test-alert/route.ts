// POST /api/v1/monitors/{id}/test-alert: send a test alert to every configured channel.
import { requireUser } from "@/lib/auth/session";
import { apiRoute, jsonResponse } from "@/lib/http/api-route";
import { limitMonitorChanges } from "@/lib/monitors/limit-changes";
import { sendTestAlert } from "@/lib/monitors/test-alert";
import { webContext } from "@/lib/web-context";

export const dynamic = "force-dynamic";

export const POST = apiRoute<{ id: string }>(async (request, { params }) => {
  const user = await requireUser(request);
  await limitMonitorChanges(webContext(), user.id);
  const { db, monitorQueues } = webContext();
  return jsonResponse({ deliveries: await sendTestAlert(db, monitorQueues, user.id, params.id) }, { status: 202 });
});
