// GET /api/v1/monitors/export?format=csv|json: the caller's monitors in the import's shape (a round trip).
import { route } from "@/lib/http/route";
import { exportMonitors } from "@/lib/monitors/export-monitors";
import { z } from "zod";

export const dynamic = "force-dynamic";

const query = z.object({ format: z.enum(["csv", "json"], { error: "format is \"csv\" or \"json\"" }).default("json") });

export const GET = route({ auth: "user-or-key", query }, async ({ query, user, context }) => {
  const { body, contentType } = await exportMonitors(context.db, user.id, query.format);
  return new Response(body, {
    headers: { "content-type": contentType, "cache-control": "no-store", "content-disposition": `attachment; filename="portcheck-monitors.${query.format}"` },
  });
});
