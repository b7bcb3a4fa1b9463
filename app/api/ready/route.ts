// GET /api/ready: PostgreSQL and Redis both answer (readiness); 503 naming the one that does not.
import { checkReadiness } from "@/lib/health/readiness";
import { webContext } from "@/lib/web-context";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  const report = await checkReadiness(webContext());
  return Response.json(report, { status: report.status === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
}
