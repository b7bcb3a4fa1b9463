// GET /api/v1/channels: the caller's notification channels. POST: add one. A session or an API key.
import { createChannel } from "@/lib/channels/create-channel";
import { listChannels } from "@/lib/channels/queries";
import { ENDPOINTS } from "@/lib/http/endpoints";
import { jsonResponse, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const GET = route(ENDPOINTS.listChannels, async ({ user, context }) => jsonResponse({ channels: await listChannels(context.db, user.id) }));

export const POST = route(ENDPOINTS.createChannel, async ({ body, user, context }) => {
  const channel = await createChannel(context, user.id, body);
  return jsonResponse(channel, { status: 201, headers: { location: channel.links.self } });
});
