// Where to go after signing in: only a path on this site ("/monitors/abc?x=1"), never another site
// ("//evil.example", "https://...", "/\\evil", "javascript:..."). Pure.

const MAX_LENGTH = 512;
const BASE = "http://portcheck.invalid";

/** The same-site path to return to, or null when `value` is missing or could lead elsewhere. */
export function safeNextPath(value: string | null | undefined): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > MAX_LENGTH) return null;
  // A single leading slash, then no second slash or backslash (browsers read "/\" as "//").
  if (!value.startsWith("/") || value.startsWith("//") || value.includes("\\")) return null;
  // Control characters and spaces: browsers drop tabs and newlines, which can turn "/\t/evil" into "//evil".
  if (/[\u0000-\u0020\u007f]/.test(value)) return null;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return null;
  }
  if (url.origin !== BASE) return null;
  // The API answers JSON, not pages; the account pages themselves would loop.
  if (/^\/(api|sign-in|sign-up)(\/|$)/.test(url.pathname)) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** The sign-in page that returns to `path` afterwards. */
export function signInPath(path: string | null | undefined): string {
  const next = safeNextPath(path);
  return next && next !== "/dashboard" ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in";
}
