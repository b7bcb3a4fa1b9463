// GET /api/v1/checks/{id}: a check and its results so far. ?wait=N (up to 30 s) answers as soon as the
// check is done or failed, or after N seconds with the results so far; the worker's notification wakes it.
import { waitForCheck } from "@/lib/checks/wait-for-check";
import { ENDPOINTS } from "@/lib/http/endpoints";
import { jsonResponse, route } from "@/lib/http/route";
import { ProblemError } from "@/lib/problem-error";

export const dynamic = "force-dynamic";

export const GET = route(ENDPOINTS.getCheck, async ({ request, params, query, context }) => {
  const check = await waitForCheck(context, params.id, query.wait * 1000, request.signal);
  if (!check) throw new ProblemError("not_found", "There is no check with this id.");
  return jsonResponse(check);
});
