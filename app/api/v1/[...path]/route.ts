// Any other /api/v1 path: a problem+json 404 rather than an HTML page.
import { route } from "@/lib/http/route";
import { ProblemError } from "@/lib/problem-error";

export const dynamic = "force-dynamic";

const notFound = route({ auth: "none", cors: true }, async () => {
  throw new ProblemError("not_found", "No such API endpoint. See /docs/api.");
});
export { notFound as DELETE, notFound as GET, notFound as PATCH, notFound as POST, notFound as PUT };
