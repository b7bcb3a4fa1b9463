// GET /badge/{monitorId}/uptime.svg?period=24h|7d|30d: the monitor's uptime as a badge.
import { db } from "@/lib/db";
import { badgeResponse, uptimeBadge } from "@/lib/monitors/badge";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ monitorId: string }> }): Promise<Response> {
  return badgeResponse(await uptimeBadge(db(), (await params).monitorId, new URL(request.url).searchParams.get("period")));
}
