// GET, PATCH, DELETE /api/v1/channels/{id}: one notification channel of the caller (another account's is 404).
import { deleteChannel } from "@/lib/channels/delete-channel";
import { getChannel } from "@/lib/channels/queries";
import { updateChannel } from "@/lib/channels/update-channel";
import { ENDPOINTS } from "@/lib/http/endpoints";
import { jsonResponse, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(ENDPOINTS.getChannel, async ({ params, user, context }) => jsonResponse(await getChannel(context.db, user.id, params.id)));

export const PATCH = route(ENDPOINTS.updateChannel, async ({ params, body, user, context }) => jsonResponse(await updateChannel(context, user.id, params.id, body)));

export const DELETE = route(ENDPOINTS.deleteChannel, async ({ params, user, context }) => {
  await deleteChannel(context.db, user.id, params.id);
  return new Response(null, { status: 204 });
});
