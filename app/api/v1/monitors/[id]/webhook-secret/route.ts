// POST /api/v1/monitors/{id}/webhook-secret: a new webhook signing secret, shown once.
import { ENDPOINTS } from "@/lib/http/endpoints";
import { jsonResponse, route } from "@/lib/http/route";
import { rotateWebhookSecret } from "@/lib/monitors/rotate-webhook-secret";

export const dynamic = "force-dynamic";

export const POST = route(ENDPOINTS.rotateWebhookSecret, async ({ params, user, context }) => {
  return jsonResponse({ webhookSecret: await rotateWebhookSecret(context.db, user.id, params.id) });
});
