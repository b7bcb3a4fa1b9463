// Path parameters and queries of the endpoint catalog (lib/http/endpoints.ts), as zod schemas.
import { z } from "zod";

export const idParams = z.object({ id: z.string().describe("The resource's id.") });
export const portParams = z.object({ port: z.string().describe("A port number, 0 to 65535.") });
export const waitQuery = z.object({
  wait: z.coerce
    .number({ error: "wait is a number of seconds from 0 to 30" })
    .min(0, "wait is at least 0")
    .max(30, "wait is at most 30 seconds")
    .default(0)
    .describe("Seconds to wait for the check to end (at most 30); the answer comes as soon as it does."),
});
export const tokenQuery = z.object({ port: z.coerce.number().int().min(1).max(65535).catch(8080).default(8080).describe("The port the listener commands use.") });
export const exportQuery = z.object({ format: z.enum(["csv", "json"], { error: "format is \"csv\" or \"json\"" }).default("json") });
