// GET /api/metrics: Prometheus text for operators, with Authorization: Bearer <METRICS_TOKEN>. The web's
// own metrics, every live worker's (through Redis), and queue depths. 404 while METRICS_TOKEN is unset.
import { timingSafeEqual, createHash } from "node:crypto";
import { env } from "@/lib/env";
import { problemResponse } from "@/lib/http/problem";
import { scrapeMetrics } from "@/lib/metrics/scrape-metrics";
import { ProblemError, serviceUnavailable } from "@/lib/problem-error";
import { webContext } from "@/lib/web-context";

export const dynamic = "force-dynamic";

function sameToken(given: string, expected: string): boolean {
  const digest = (text: string) => createHash("sha256").update(text).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

export async function GET(request: Request): Promise<Response> {
  const { METRICS_TOKEN, REDIS_PREFIX } = env();
  if (!METRICS_TOKEN) return problemResponse(new ProblemError("not_found", "No such endpoint."));
  const given = /^Bearer (\S+)$/.exec(request.headers.get("authorization") ?? "")?.[1];
  if (!given || !sameToken(given, METRICS_TOKEN)) {
    return problemResponse(new ProblemError("unauthorized", "Send the metrics token as Authorization: Bearer <METRICS_TOKEN>."), { "www-authenticate": 'Bearer realm="metrics"' });
  }
  try {
    const { contentType, body } = await scrapeMetrics(webContext(), REDIS_PREFIX);
    return new Response(body, { headers: { "content-type": contentType, "cache-control": "no-store" } });
  } catch {
    return problemResponse(serviceUnavailable("The metrics could not be read from Redis right now. Try again shortly."), { "retry-after": "5" });
  }
}
