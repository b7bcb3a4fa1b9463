// Every problem the API can answer, named once: its HTTP status, its title and what the caller should do.
// problem+json responses, the API reference and the OpenAPI document all read this table.

export interface ProblemInfo {
  status: number;
  title: string;
  /** What the caller should do about it, in one sentence. */
  action: string;
}

export const PROBLEMS = {
  invalid_request: { status: 400, title: "Invalid request", action: "Fix the fields that errors[] lists (each with its path) and send the request again." },
  unauthorized: { status: 401, title: "Authentication required", action: "Sign in, or send an API key as Authorization: Bearer <key>." },
  invalid_api_key: { status: 401, title: "Invalid API key", action: "Check the key: it may be mistyped or revoked. Create a new one under Settings if needed." },
  forbidden: { status: 403, title: "Forbidden", action: "Send requests that change something with a session cookie from Portcheck's own pages, or use an API key." },
  insufficient_scope: { status: 403, title: "Insufficient scope", action: "Use a key with the write scope: read keys may only GET." },
  quota_exceeded: { status: 403, title: "Quota exceeded", action: "Delete a monitor to make room for another." },
  slug_taken: { status: 409, title: "Slug taken", action: "Choose another slug: another status page has this address." },
  not_found: { status: 404, title: "Not found", action: "Check the id or the path; another account's resources are not found either." },
  idempotency_in_flight: { status: 409, title: "Request in progress", action: "A request with this Idempotency-Key is still being handled: wait, then retry with the same key." },
  method_not_allowed: { status: 405, title: "Method not allowed", action: "Use one of the methods in the Allow header (GET, POST, PATCH, DELETE...)." },
  payload_too_large: { status: 413, title: "Request body too large", action: "Send a smaller body (JSON bodies are at most 16 KiB, imports at most 1 MiB)." },
  unsupported_media_type: { status: 415, title: "Unsupported media type", action: "Send the body as application/json (or text/csv for imports)." },
  target_forbidden: { status: 422, title: "Target not allowed", action: "Check a public internet address: loopback, private, link-local and reserved addresses are never checked." },
  channel_target_forbidden: { status: 422, title: "Channel address not allowed", action: "Use a public http(s) address for the channel: loopback, private, link-local and reserved addresses are never contacted." },
  channel_email_not_allowed: { status: 422, title: "E-mail channel not allowed", action: "Use your account's own e-mail address, confirmed through the link we sent you." },
  invalid_token: { status: 422, title: "Ownership token not valid", action: "Get a new token from POST /api/v1/verify-tokens and start the listener again." },
  invalid_schedule: { status: 422, title: "Maintenance schedule not valid", action: "Fix the fields errors[] names: an IANA time zone (Europe/Berlin), a five-field cron expression, an end after the start, at most 7 days per occurrence." },
  idempotency_key_reused: { status: 422, title: "Idempotency-Key reused", action: "Use a new Idempotency-Key for a request with a different body." },
  rate_limited: { status: 429, title: "Too many requests", action: "Wait for the seconds in Retry-After, then try again." },
  internal_error: { status: 500, title: "Internal error", action: "Try again; if it persists, it is a bug on our side." },
  service_unavailable: { status: 503, title: "Service unavailable", action: "Retry after the seconds in Retry-After: the database or the job queue is briefly away." },
} as const satisfies Record<string, ProblemInfo>;

export type ProblemCode = keyof typeof PROBLEMS;

export const PROBLEM_CODES = Object.keys(PROBLEMS) as ProblemCode[];
