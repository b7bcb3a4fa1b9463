// The one wrapper around every API route, in the style of dub's withWorkspace: the route declares who may
// call it, its body and query schemas and the budget it spends; the handler receives parsed input and the
// caller. The wrapper does the whole boundary: caller, scope, parsing, limits with their RateLimit-*
// headers, CORS, and every error as problem+json. No handler repeats any of it.
import { logger } from "../logger";
import { metrics } from "../metrics/metrics";
import { REQUEST_ID_HEADER } from "./request-id";
import type { z } from "zod";
import { env } from "../env";
import { limitStateOf, type LimitState, consume } from "../limits/rate-limits";
import { rateLimited } from "../problem-error";
import { readyRedis } from "../redis";
import { type WebContext, webContext } from "../web-context";
import { readJsonBody } from "./body";
import { CORS_HEADERS } from "./cors";
import { beginIdempotent, idempotencyKeyOf } from "./idempotency";
import type { SignedInUser } from "../auth/session";
import { type AuthMode, bearerToken, type Caller, resolveCaller } from "./caller";
import { type ClientIp, clientIp } from "./client-ip";
import { errorResponse } from "./error-response";
import { type LimitName, rateLimitHeaders, type RouteLimit, routeLimit } from "./route-limits";

export { jsonResponse } from "./body";
export { CORS_HEADERS, preflight } from "./cors";

export interface RouteSpec<A extends AuthMode, B extends z.ZodType | undefined, Q extends z.ZodType | undefined, PS extends z.ZodType | undefined> {
  auth: A;
  /** The path parameters' schema ({ id } of /monitors/{id}). */
  params?: PS;
  /** The key scope needed; by default read for GET and HEAD, write for everything else. */
  scope?: "read" | "write";
  /** The JSON body's schema, or a function making it (schemas that depend on configuration). */
  body?: B | (() => B);
  query?: Q;
  /** The budget a request spends (default: the general request budget). */
  limit?: LimitName;
  /** Callable from any origin without credentials (anonymous endpoints; bearer keys always are). */
  cors?: boolean;
  /** Honours Idempotency-Key: the same key and body get the first answer again. */
  idempotent?: boolean;
}

export interface RouteInput<A extends AuthMode, B, Q, P> {
  request: Request;
  params: P;
  body: B;
  query: Q;
  caller: Caller;
  /** The signed-in account (by session or API key); a route that needs one always has it. */
  user: A extends "none" ? SignedInUser | null : SignedInUser;
  client: ClientIp | null;
  context: WebContext;
  /** X-Request-Id (set by server.ts), for the logs of whatever this request starts. */
  requestId: string | null;
}

type Parsed<T> = T extends z.ZodType ? z.infer<T> : undefined;
type RouteContext = { params: Promise<unknown> };

/**
 * Called with every answer of a route declared in the endpoint catalog: the contract test validates each
 * one against the OpenAPI document. Unset outside that test.
 */
export type ResponseObserver = (operationId: string, request: Request, response: Response) => void;
const observer = globalThis as unknown as { portcheckResponseObserver?: ResponseObserver };



export function route<A extends AuthMode, B extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, PS extends z.ZodType | undefined = undefined>(
  spec: RouteSpec<A, B, Q, PS>,
  handler: (input: RouteInput<A, Parsed<B>, Parsed<Q>, Parsed<PS>>) => Promise<Response>,
) {
  return async (request: Request, routeContext: RouteContext): Promise<Response> => {
    const startedAt = performance.now();
    const config = env();
    let limit: RouteLimit | null = null;
    let state: LimitState | null = null;
    let caller: Caller = { kind: "anonymous" };
    const client = clientIp(request.headers, config.TRUSTED_PROXIES);
    try {
      const context = webContext();
      const scope = spec.scope ?? (request.method === "GET" || request.method === "HEAD" ? "read" : "write");
      caller = await resolveCaller(request, { auth: spec.auth, scope, appOrigin: new URL(config.APP_URL).origin }, client, context);
      limit = routeLimit(spec.limit ?? "requests", caller, client, context.limiters, config);
      const rawParams = (await routeContext?.params) ?? {};
      const params = (spec.params ? spec.params.parse(rawParams) : undefined) as Parsed<PS>;
      const query = (spec.query ? spec.query.parse(Object.fromEntries(new URL(request.url).searchParams)) : undefined) as Parsed<Q>;
      const bodySchema = typeof spec.body === "function" ? spec.body() : spec.body;
      const rawBody = bodySchema ? await readJsonBody(request) : undefined;
      const idempotencyKey = spec.idempotent ? idempotencyKeyOf(request) : null;
      const body = (bodySchema ? bodySchema.parse(rawBody) : undefined) as Parsed<B>;
      await readyRedis(context.redis);
      // A replay answers before any budget is spent: it creates nothing.
      const idempotent = idempotencyKey ? await beginIdempotent(context.redis, config.REDIS_PREFIX, limit.key, idempotencyKey, rawBody) : null;
      if (idempotent?.replay) return observed(spec, request, withHeaders(idempotent.replay, await limitStateOf(limit.limiter, limit.key).catch(() => null), corsFor(spec, request, caller)));
      const outcome = await consume(limit.limiter, limit.key);
      state = outcome.state ?? null;
      const user = (caller.kind === "user" ? caller.user : null) as RouteInput<A, unknown, unknown, unknown>["user"];
      const respond = async () => {
        if (!outcome.allowed) throw rateLimited(limit!.refusal(outcome.retryAfterSeconds), outcome.retryAfterSeconds);
        return handler({ request, params, body, query, caller, user, client, context, requestId: request.headers.get(REQUEST_ID_HEADER) });
      };
      const response = idempotent ? await idempotent.finish(await respond().catch((error: unknown) => errorResponse(error, request))) : await respond();
      return observed(spec, request, withHeaders(response, state, corsFor(spec, request, caller)), startedAt);
    } catch (error) {
      if (!state && limit) state = await limitStateOf(limit.limiter, limit.key).catch(() => null);
      return observed(spec, request, withHeaders(errorResponse(error, request), state, corsFor(spec, request, caller)), startedAt);
    }
  };
}

/** Anonymous endpoints and bearer-key calls are readable from any origin; cookie-authenticated ones never are. */
function corsFor(spec: { cors?: boolean }, request: Request, caller: Caller): boolean {
  if (caller.kind === "user" && caller.via === "session") return false;
  return spec.cors === true || bearerToken(request) !== null;
}

function observed(spec: object, request: Request, response: Response, startedAt?: number): Response {
  const operationId = (spec as { operationId?: string }).operationId;
  if (operationId) {
    const counters = metrics("web");
    counters.httpRequests.inc({ route: operationId, method: request.method, status: String(response.status) });
    logger.info({ requestId: request.headers.get(REQUEST_ID_HEADER), route: operationId, method: request.method, status: response.status, ms: startedAt === undefined ? undefined : Math.round(performance.now() - startedAt) }, "api request");
    if (startedAt !== undefined) counters.httpDuration.observe({ route: operationId }, (performance.now() - startedAt) / 1000);
  }
  if (operationId && observer.portcheckResponseObserver) observer.portcheckResponseObserver(operationId, request, response.clone());
  return response;
}

function withHeaders(response: Response, state: LimitState | null, cors: boolean): Response {
  const extra = { ...(state ? rateLimitHeaders(state) : {}), ...(cors ? CORS_HEADERS : {}) };
  try {
    for (const [name, value] of Object.entries(extra)) response.headers.set(name, value);
    return response;
  } catch {
    // Immutable headers (a fetched response): copy them.
    const headers = new Headers(response.headers);
    for (const [name, value] of Object.entries(extra)) headers.set(name, value);
    return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
  }
}
