// GET /api/v1/ports/{port}: what Portcheck knows about a port (range, IANA services, security notes).
import { ENDPOINTS } from "@/lib/http/endpoints";
import { jsonResponse, route } from "@/lib/http/route";
import { portKnowledge } from "@/lib/ports/knowledge";
import { parsePortParam } from "@/lib/ports/ranges";
import { invalidField } from "@/lib/problem-error";

export const GET = route(ENDPOINTS.getPort, async ({ params }) => {
  const port = parsePortParam(params.port);
  if (port === null) throw invalidField("port", "A port is a whole number from 0 to 65535.");
  return jsonResponse(portKnowledge(port), { headers: { "cache-control": "public, max-age=86400" } });
});
