// CORS for the API: anonymous endpoints and bearer-key calls are readable from any origin, never with
// credentials, so nothing authenticated by the session cookie can be read cross-origin.

export const CORS_HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "location, retry-after, ratelimit-limit, ratelimit-remaining, ratelimit-reset, idempotent-replayed",
} as const;

/** OPTIONS: the CORS preflight of a route, open to any origin (credentials are never allowed). */
export function preflight(methods: string): () => Response {
  return () =>
    new Response(null, {
      status: 204,
      headers: {
        ...CORS_HEADERS,
        "access-control-allow-methods": methods,
        "access-control-allow-headers": "authorization, content-type, idempotency-key",
        "access-control-max-age": "600",
      },
    });
}
