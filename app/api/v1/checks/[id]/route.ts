// GET /api/v1/checks/{id}: a check and its results so far. ?wait=N (up to 30 s) answers as soon as the
// check is done or failed, or after N seconds with the results so far; the worker's notification wakes it.
import { waitForCheck } from "@/lib/checks/wait-for-check";
import { idParams, jsonResponse, preflight, route } from "@/lib/http/route";
import { ProblemError } from "@/lib/problem-error";
import { z } from "zod";

export const dynamic = "force-dynamic";

const MAX_WAIT_SECONDS = 30;

const query = z.object({
  wait: z.coerce
    .number({ error: `wait is a number of seconds from 0 to ${MAX_WAIT_SECONDS}` })
    .min(0, "wait is at least 0")
    .max(MAX_WAIT_SECONDS, `wait is at most ${MAX_WAIT_SECONDS} seconds`)
    .default(0),
});

export const GET = route({ auth: "none", params: idParams, query, cors: true }, async ({ request, params, query, context }) => {
  const check = await waitForCheck(context, params.id, query.wait * 1000, request.signal);
  if (!check) throw new ProblemError("not_found", "There is no check with this id.");
  return jsonResponse(check);
});

export const OPTIONS = preflight("GET, OPTIONS");
