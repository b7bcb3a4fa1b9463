// POST /api/v1/monitors/import: up to 500 monitors as a JSON array or CSV (name,host,port,intervalSeconds,expect),
// validated as a whole (an error per row), created all or nothing within the quota.
import { env } from "@/lib/env";
import { readBodyText } from "@/lib/http/body";
import { ENDPOINTS } from "@/lib/http/endpoints";
import { jsonResponse, route } from "@/lib/http/route";
import { importMonitors, importRows, MAX_IMPORT_BYTES } from "@/lib/monitors/import-monitors";

export const dynamic = "force-dynamic";

// The body is JSON or CSV, read by the import itself.
export const POST = route({ ...ENDPOINTS.importMonitors, body: undefined }, async ({ request, user, context }) => {
  const rows = importRows(request.headers.get("content-type") ?? "", await readBodyText(request, MAX_IMPORT_BYTES));
  const created = await importMonitors(context, user.id, rows, env().MONITOR_MIN_INTERVAL_SECONDS);
  return jsonResponse(
    {
      monitors: created.map((item) => ({ ...item.monitor, ...(item.webhookSecret ? { webhookSecret: item.webhookSecret } : {}) })),
    },
    { status: 201 },
  );
});
