// GET /api/v1/regions: the regions checks and monitors can run from, and which are available now.
import { env } from "@/lib/env";
import { ENDPOINTS } from "@/lib/http/endpoints";
import { jsonResponse, route } from "@/lib/http/route";
import { readyRedis } from "@/lib/redis";
import { listRegions } from "@/lib/regions/registry";
import { webContext } from "@/lib/web-context";

export const dynamic = "force-dynamic";

export const GET = route(ENDPOINTS.listRegions, async () => {
  const { REDIS_PREFIX, DEFAULT_REGIONS } = env();
  const redis = await readyRedis(webContext().redis);
  return jsonResponse({ regions: await listRegions(redis, REDIS_PREFIX, DEFAULT_REGIONS), default: DEFAULT_REGIONS });
});
