// GET /api/v1/openapi.json: the API's OpenAPI 3.1 document, generated from the code; any origin may read it.
import { env } from "@/lib/env";
import { CORS_HEADERS } from "@/lib/http/cors";
import { openApiDocument } from "@/lib/http/openapi";

export const dynamic = "force-dynamic";

export function GET(): Response {
  return Response.json(openApiDocument(env().APP_URL), { headers: { ...CORS_HEADERS, "cache-control": "public, max-age=300" } });
}
