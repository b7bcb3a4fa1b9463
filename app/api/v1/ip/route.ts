// GET /api/v1/ip: the caller's IP address as Portcheck sees it.
import { apiRoute, jsonResponse } from "@/lib/http/api-route";
import { ApiError } from "@/lib/http/problem";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (_request, { client }) => {
  if (!client) throw new ApiError(503, "service_unavailable", "The caller's address is unknown: the request did not come through Portcheck's server.");
  return jsonResponse(client);
});
