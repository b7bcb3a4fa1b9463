// The path of the page being rendered, which server.ts records in a header only it can set: layouts
// cannot see it otherwise, and the sign-in page needs it to return there afterwards.

/** Set by server.ts to req.url (path and query) after deleting any value the client sent. */
export const REQUEST_PATH_HEADER = "x-portcheck-path";

/** The requested path and query, without Next.js's own `_rsc` parameter; null when unknown. */
export function requestPath(headers: Headers): string | null {
  const raw = headers.get(REQUEST_PATH_HEADER);
  if (!raw || !raw.startsWith("/")) return null;
  const url = new URL(raw, "http://portcheck.invalid");
  url.searchParams.delete("_rsc");
  return `${url.pathname}${url.search}`;
}
