// Inputs and the public shape of status pages, as zod schemas: the API, the form and the OpenAPI document.
import { z } from "zod";

/** Words a slug may not be: they would read as something of ours. */
const RESERVED = new Set(["api", "admin", "portcheck", "status", "www", "new", "edit", "feed"]);

export const slugSchema = z
  .string({ error: "slug is the page's address: lower-case letters, digits and -" })
  .trim()
  .regex(/^[a-z0-9](?:[a-z0-9-]{1,48}[a-z0-9])$/, "slug is 3 to 50 lower-case letters, digits and -, not starting or ending with -")
  .refine((slug) => !RESERVED.has(slug), "this slug is reserved; choose another");

const fields = {
  slug: slugSchema,
  title: z.string({ error: "title is required" }).trim().min(1, "title is required").max(100, "title has at most 100 characters"),
  monitorIds: z
    .array(z.string().regex(/^[A-Za-z0-9_-]{22}$/, "each monitor id is an id from GET /api/v1/monitors"), { error: "monitorIds is a list of your monitors' ids" })
    .min(1, "monitorIds needs at least one monitor")
    .max(50, "monitorIds has at most 50 monitors")
    .transform((ids) => [...new Set(ids)]),
  showTargets: z.boolean({ error: "showTargets is true or false" }),
};

export const createStatusPageBody = z.object({ ...fields, showTargets: fields.showTargets.default(false) }).strict();
export const updateStatusPageBody = z.object(fields).partial().strict();
export type CreateStatusPageInput = z.infer<typeof createStatusPageBody>;
export type UpdateStatusPageInput = z.infer<typeof updateStatusPageBody>;

export const statusPageViewSchema = z.object({
  id: z.string(),
  slug: z.string(),
  title: z.string(),
  showTargets: z.boolean().describe("Whether the public page shows each monitor's host and port; off: only the names."),
  monitorIds: z.array(z.string()).describe("In the order the page shows them."),
  createdAt: z.string(),
  updatedAt: z.string(),
  links: z.object({ self: z.string(), html: z.string().describe("The public page: no login."), feed: z.string().describe("Its incidents as an Atom feed.") }),
});
export type StatusPageView = z.infer<typeof statusPageViewSchema>;
