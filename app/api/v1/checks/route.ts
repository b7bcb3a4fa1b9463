// POST /api/v1/checks: start an instant check of some ports on one host.
import { createCheck } from "@/lib/checks/create-check";
import { createCheckBody } from "@/lib/checks/schemas";
import { checkLinks } from "@/lib/checks/get-check";
import { apiRoute, jsonResponse, readJsonBody } from "@/lib/http/api-route";
import { webContext } from "@/lib/web-context";

export const dynamic = "force-dynamic";

export const POST = apiRoute(async (request, { client }) => {
  const body = createCheckBody.parse(await readJsonBody(request));
  const check = await createCheck(body, { client }, webContext());
  const links = checkLinks(check.id);
  return jsonResponse(
    {
      id: check.id,
      status: "queued",
      host: check.host,
      ports: check.ports,
      timeoutMs: check.timeoutMs,
      createdAt: check.createdAt.toISOString(),
      links,
    },
    { status: 202, headers: { location: links.self } },
  );
});
