// GET /api/v1/ip: the caller's IP address as Portcheck sees it.
import { ENDPOINTS } from "@/lib/http/endpoints";
import { jsonResponse, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// The route's budget is per client address, so a request without one is refused before it gets here.
export const GET = route(ENDPOINTS.getIp, async ({ client }) => jsonResponse(client));
