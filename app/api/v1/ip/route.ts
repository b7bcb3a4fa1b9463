// GET /api/v1/ip: the caller's IP address as Portcheck sees it.
import { jsonResponse, preflight, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// The route's budget is per client address, so a request without one is refused before it gets here.
export const GET = route({ auth: "none", cors: true }, async ({ client }) => jsonResponse(client));

export const OPTIONS = preflight("GET, OPTIONS");
