// PATCH /api/v1/account: the caller's account settings (the time zone of the times in its alerts).
import { setTimeZone } from "@/lib/auth/time-zone";
import { ENDPOINTS } from "@/lib/http/endpoints";
import { jsonResponse, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

export const PATCH = route(ENDPOINTS.updateAccount, async ({ body, user, context }) => jsonResponse(await setTimeZone(context.db, user.id, body.timeZone)));
