// Any other /api/v1 path: a problem+json 404 rather than an HTML page.
import { errorResponse } from "@/lib/http/api-route";
import { ApiError } from "@/lib/http/problem";

export const dynamic = "force-dynamic";

const notFound = async () => errorResponse(new ApiError(404, "not_found", "No such API endpoint. See /docs/api."));
export { notFound as DELETE, notFound as GET, notFound as PATCH, notFound as POST, notFound as PUT };
