// GET /api/v1/checks/{id}/events: Server-Sent Events, one `result` event per verdict as it lands and a
// final `done` with the whole check. The home page and the permalink follow a check with it.
import { checkStream } from "@/lib/checks/check-stream";
import { getCheck } from "@/lib/checks/get-check";
import { ENDPOINTS } from "@/lib/http/endpoints";
import { route } from "@/lib/http/route";
import { ProblemError } from "@/lib/problem-error";

export const dynamic = "force-dynamic";

export const GET = route(ENDPOINTS.checkEvents, async ({ request, params, context }) => {
  const check = await getCheck(context.db, params.id);
  if (!check) throw new ProblemError("not_found", "There is no check with this id.");
  return new Response(checkStream(context, check, request.signal), {
    headers: { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store, no-transform", "x-accel-buffering": "no" },
  });
});
