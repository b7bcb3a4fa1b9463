// POST /api/v1/channels/{id}/test: send a test message to the channel now; answers with its delivery.
import { testChannel } from "@/lib/channels/test-channel";
import { ENDPOINTS } from "@/lib/http/endpoints";
import { jsonResponse, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = route(ENDPOINTS.testChannel, async ({ params, user, context }) => jsonResponse({ delivery: await testChannel(context, user.id, params.id) }));
