// POST /api/v1/exposure-scans: scan the caller's own address for the 100 ports most often left open by
// mistake. No body; one scan per address every few minutes.
import { createExposureScan } from "@/lib/checks/create-exposure-scan";
import { ENDPOINTS } from "@/lib/http/endpoints";
import { jsonResponse, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const POST = route(ENDPOINTS.createExposureScan, async ({ client, context, requestId }) => {
  const check = await createExposureScan(client, context, requestId);
  return jsonResponse(check, { status: 202, headers: { location: check.links.self } });
});
