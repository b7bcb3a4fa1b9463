// /monitors/{id}/results.csv: the monitor's latest results as CSV, for its signed-in owner.
import { stringify } from "csv-stringify/sync";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getMonitor, listResults } from "@/lib/monitors/queries";

export const dynamic = "force-dynamic";

const LIMIT = 10_000;

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const user = await currentUser(request.headers).catch(() => null);
  if (!user) return new Response("Sign in to download results.\n", { status: 401, headers: { "content-type": "text/plain; charset=utf-8" } });
  const { id } = await params;
  const monitor = await getMonitor(db(), user.id, id);
  if (!monitor) return new Response("No such monitor.\n", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });
  const { results } = await listResults(db(), id, { limit: LIMIT });
  const rows = results.map((result) => ({
    checkedAt: result.checkedAt,
    scheduledAt: result.scheduledAt,
    region: result.region,
    outcome: result.observation,
    state: result.state,
    reason: result.reason ?? "",
    latencyMs: result.latencyMs ?? "",
    family: result.family ?? "",
    address: result.address ?? "",
    errorCode: result.errorCode ?? "",
    maintenance: result.maintenance,
  }));
  const body = stringify(rows, { header: true, columns: ["checkedAt", "scheduledAt", "region", "outcome", "state", "reason", "latencyMs", "family", "address", "errorCode", "maintenance"] });
  const filename = `${monitor.name.replace(/[^\w.-]+/g, "-").slice(0, 60) || "monitor"}-results.csv`;
  return new Response(body, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${filename}"`, "cache-control": "no-store" } });
}
