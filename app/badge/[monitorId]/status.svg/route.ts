// GET /badge/{monitorId}/status.svg: the monitor's state as a badge, for README files and dashboards.
import { db } from "@/lib/db";
import { badgeResponse, statusBadge } from "@/lib/monitors/badge";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ monitorId: string }> }): Promise<Response> {
  return badgeResponse(await statusBadge(db(), (await params).monitorId));
}
