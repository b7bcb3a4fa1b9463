// POST /api/v1/checks: start an instant check of some ports on one host.
import { createCheck } from "@/lib/checks/create-check";
import { createCheckBody } from "@/lib/checks/schemas";
import { apiRoute, jsonResponse, readJsonBody } from "@/lib/http/api-route";
import { webContext } from "@/lib/web-context";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async (request, { client }) => {
  const body = createCheckBody.parse(await readJsonBody(request));
  const check = await createCheck(body, { client }, webContext());
  return jsonResponse(check, { status: 202, headers: { location: check.links.self } });
});
