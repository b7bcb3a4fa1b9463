// GET /api/v1/ports/{port}: what Portcheck knows about a port (range, IANA services, security notes).
import { apiRoute, jsonResponse } from "@/lib/http/api-route";
import { ApiError } from "@/lib/http/problem";
import { portKnowledge } from "@/lib/ports/knowledge";
import { parsePortParam } from "@/lib/ports/ranges";

export const GET = apiRoute<{ port: string }>(async (_request, { params }) => {
  const port = parsePortParam(params.port);
  if (port === null) {
    const message = "A port is a whole number from 0 to 65535.";
    throw new ApiError(400, "invalid_request", message, [{ path: "port", message }]);
  }
  return jsonResponse(portKnowledge(port), { headers: { "cache-control": "public, max-age=86400" } });
});
