// GET /api/v1/checks/{id}: a check and its results so far; poll until status is done or failed.
import { getCheck } from "@/lib/checks/get-check";
import { idParams, jsonResponse, preflight, route } from "@/lib/http/route";
import { ProblemError } from "@/lib/problem-error";

export const dynamic = "force-dynamic";

export const GET = route({ auth: "none", params: idParams, cors: true }, async ({ params, context }) => {
  const check = await getCheck(context.db, params.id);
  if (!check) throw new ProblemError("not_found", "There is no check with this id.");
  return jsonResponse(check);
});

export const OPTIONS = preflight("GET, OPTIONS");
