// GET /api/v1/checks/{id}: a check and its results so far; poll until status is done or failed.
import { getCheck } from "@/lib/checks/get-check";
import { apiRoute, jsonResponse } from "@/lib/http/api-route";
import { ApiError } from "@/lib/http/problem";
import { webContext } from "@/lib/web-context";

export const dynamic = "force-dynamic";

export const GET = apiRoute<{ id: string }>(async (_request, { params }) => {
  const check = await getCheck(webContext().db, params.id);
  if (!check) throw new ApiError(404, "not_found", "There is no check with this id.");
  return jsonResponse(check);
});
