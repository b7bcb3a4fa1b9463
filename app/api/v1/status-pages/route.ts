// GET /api/v1/status-pages: the caller's status pages. POST: publish one. A session or an API key.
import { ENDPOINTS } from "@/lib/http/endpoints";
import { jsonResponse, route } from "@/lib/http/route";
import { createStatusPage, listStatusPages } from "@/lib/status-pages/manage-status-pages";

export const dynamic = "force-dynamic";

export const GET = route(ENDPOINTS.listStatusPages, async ({ user, context }) => jsonResponse({ statusPages: await listStatusPages(context.db, user.id) }));

export const POST = route(ENDPOINTS.createStatusPage, async ({ body, user, context }) => {
  const page = await createStatusPage(context.db, user.id, body);
  return jsonResponse(page, { status: 201, headers: { location: page.links.self } });
});
