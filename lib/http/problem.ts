// RFC 9457 problem details: the one shape of every API error.
import { env } from "../env";

export type ProblemCode =
  | "invalid_request"
  | "unauthorized"
  | "forbidden"
  | "quota_exceeded"
  | "target_forbidden"
  | "invalid_token"
  | "rate_limited"
  | "not_found"
  | "payload_too_large"
  | "unsupported_media_type"
  | "service_unavailable"
  | "internal_error";

const TITLES: Record<ProblemCode, string> = {
  invalid_request: "Invalid request",
  unauthorized: "Sign-in required",
  forbidden: "Forbidden",
  quota_exceeded: "Quota exceeded",
  target_forbidden: "Target not allowed",
  invalid_token: "Ownership token not valid",
  rate_limited: "Too many requests",
  not_found: "Not found",
  payload_too_large: "Request body too large",
  unsupported_media_type: "Unsupported media type",
  service_unavailable: "Service unavailable",
  internal_error: "Internal error",
};

export const PROBLEM_CODES = Object.keys(TITLES) as ProblemCode[];

export interface FieldError {
  path: string;
  message: string;
}

/** Thrown anywhere below a route handler; the handler wrapper turns it into problem+json. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    message: string,
    readonly errors?: FieldError[],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** A dependency (PostgreSQL, Redis) is away: 503 with a hint to retry shortly. */
export function serviceUnavailable(message: string): ApiError {
  return new ApiError(503, "service_unavailable", message, undefined, { "retry-after": "5" });
}

/** Over a limit: 429 saying when to come back. */
export function rateLimited(message: string, retryAfterSeconds: number): ApiError {
  return new ApiError(429, "rate_limited", message, undefined, { "retry-after": String(retryAfterSeconds) });
}

export function problemResponse(error: ApiError): Response {
  const body: Record<string, unknown> = {
    type: `${env().APP_URL}/docs/api#${error.code}`,
    title: TITLES[error.code],
    status: error.status,
    detail: error.message,
    code: error.code,
  };
  if (error.errors) body.errors = error.errors;
  return new Response(JSON.stringify(body), {
    status: error.status,
    headers: { "content-type": "application/problem+json", "cache-control": "no-store", ...error.headers },
  });
}
