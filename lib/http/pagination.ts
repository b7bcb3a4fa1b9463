// Cursor pagination, the same on every list: ?limit= and ?cursor=, answered with the items and a `next`
// link (null on the last page).
import { z } from "zod";

export const pageQuery = z.object({
  limit: z.coerce.number({ error: "limit is a number from 1 to 100" }).int("limit is a whole number").min(1, "limit is at least 1").max(100, "limit is at most 100").default(50),
  cursor: z.string().max(200, "cursor is the value from the previous page's next link").optional(),
});
export type PageQuery = z.infer<typeof pageQuery>;

/** The next page's URL: this request's URL with the cursor replaced; null when there is none. */
export function nextLink(request: Request, nextCursor: string | null): string | null {
  if (!nextCursor) return null;
  const url = new URL(request.url);
  url.searchParams.set("cursor", nextCursor);
  return url.toString();
}
