// POST /api/v1/checks: start an instant check of some ports on one host. Anonymous, or with an API key
// or a session for the higher limits; callable from any origin.
import { createCheck } from "@/lib/checks/create-check";
import { env } from "@/lib/env";
import { ENDPOINTS } from "@/lib/http/endpoints";
import { jsonResponse, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = route(ENDPOINTS.createCheck, async ({ body, caller, client, context, requestId }) => {
  const config = env();
  const maxPorts = caller.kind === "user" ? config.MAX_PORTS_PER_CHECK_AUTHENTICATED : config.MAX_PORTS_PER_CHECK;
  const check = await createCheck(body, { client, maxPorts, requestId }, context);
  return jsonResponse(check, { status: 202, headers: { location: check.links.self } });
});
