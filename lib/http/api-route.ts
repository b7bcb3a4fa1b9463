// The one wrapper around every API route handler: client IP, JSON body limits, and the mapping
// of every error to problem+json. Handlers stay thin and never repeat a try/catch.
import { ZodError } from "zod";
import { env } from "../env";
import { logger } from "../logger";
import { type ClientIp, clientIp } from "./client-ip";
import { isInfrastructureError } from "./infrastructure";
import { ApiError, problemResponse, serviceUnavailable } from "./problem";

export const MAX_JSON_BODY_BYTES = 16 * 1024;

export interface ApiContext<P> {
  params: P;
  client: ClientIp | null;
}

type RouteContext<P> = { params: Promise<P> };

export function apiRoute<P = Record<string, never>>(handler: (request: Request, context: ApiContext<P>) => Promise<Response>) {
  return async (request: Request, routeContext: RouteContext<P>): Promise<Response> => {
    try {
      const params = (await routeContext?.params) ?? ({} as P);
      return await handler(request, { params, client: clientIp(request.headers, env().TRUSTED_PROXIES) });
    } catch (error) {
      return errorResponse(error, request);
    }
  };
}

export function errorResponse(error: unknown, request?: Request): Response {
  if (error instanceof ApiError) return problemResponse(error);
  if (error instanceof ZodError) {
    const errors = error.issues.map((issue) => ({ path: issue.path.join("/") || "body", message: issue.message }));
    return problemResponse(new ApiError(400, "invalid_request", errors.map((e) => e.message).join("; "), errors));
  }
  if (isInfrastructureError(error)) {
    logger.warn({ err: (error as Error).message, url: request?.url }, "dependency unavailable");
    return problemResponse(serviceUnavailable("Portcheck's database or job queue is not reachable right now. Please try again shortly."));
  }
  logger.error({ err: error, url: request?.url }, "unhandled error in API route");
  return problemResponse(new ApiError(500, "internal_error", "Something went wrong on our side. Please try again."));
}

/** Reads a JSON body of at most MAX_JSON_BODY_BYTES, refusing anything that is not JSON. */
export async function readJsonBody(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]*\+)?json\b/i.test(type)) {
    throw new ApiError(415, "unsupported_media_type", "Send a JSON body with Content-Type: application/json.");
  }
  const text = await readBodyText(request);
  if (text.trim() === "") throw new ApiError(400, "invalid_request", "The request body is empty; send a JSON object.");
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError(400, "invalid_request", "The request body is not valid JSON.");
  }
}

/** The body as text, refused with 413 past MAX_JSON_BODY_BYTES (declared or streamed). */
export async function readBodyText(request: Request): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > MAX_JSON_BODY_BYTES) throw tooLarge();
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_JSON_BODY_BYTES) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

function tooLarge(): ApiError {
  return new ApiError(413, "payload_too_large", `The request body is larger than ${MAX_JSON_BODY_BYTES} bytes.`);
}

export function jsonResponse(data: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/json");
  if (!headers.has("cache-control")) headers.set("cache-control", "no-store");
  return new Response(JSON.stringify(data), { ...init, headers });
}
