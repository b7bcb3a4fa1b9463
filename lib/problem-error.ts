// The domain's way to say "this request cannot be served, and why": a problem code from the one table
// (lib/http/problems.ts) and a message for people. Domain code never picks an HTTP status; the API's
// boundary (lib/http/route.ts) turns these into problem+json.
import type { ProblemCode } from "./http/problems";

export interface FieldError {
  path: string;
  message: string;
}

export class ProblemError extends Error {
  constructor(
    readonly code: ProblemCode,
    message: string,
    readonly details: { errors?: FieldError[]; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = "ProblemError";
  }
}

/** A field of the request is wrong: 400 with that field's path. */
export function invalidField(path: string, message: string): ProblemError {
  return new ProblemError("invalid_request", message, { errors: [{ path, message }] });
}

/** Over a limit: 429 saying when to come back. */
export function rateLimited(message: string, retryAfterSeconds: number): ProblemError {
  return new ProblemError("rate_limited", message, { retryAfterSeconds });
}

/** A dependency (PostgreSQL, Redis) is away: 503 with a hint to retry shortly. */
export function serviceUnavailable(message: string): ProblemError {
  return new ProblemError("service_unavailable", message, { retryAfterSeconds: 5 });
}
