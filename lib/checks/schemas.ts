// Inputs of the instant-check feature, shared by the API, the form and the worker.
import { z } from "zod";
import { VERIFY_TOKEN_PATTERN } from "../probes/option-limits";
import { MAX_HOST_LENGTH } from "../targets/parse-host";
import { parsePorts } from "./ports";
import { REGION_PATTERN } from "../regions/region-name";

/** No caller may ask for more ports in one check (MAX_PORTS_PER_CHECK_AUTHENTICATED is at most this). */
export const MAX_PORTS_ANYONE = 1000;

export const MIN_TIMEOUT_MS = 100;
export const MAX_TIMEOUT_MS = 10_000;

/** Body of POST /api/v1/checks. Port expansion and the per-caller port limit are checked afterwards. */
export const createCheckBody = z
  .object({
    host: z
      .string({ error: "host is required: a hostname, an IP address, or \"me\"" })
      .trim()
      .min(1, "host is required: a hostname, an IP address, or \"me\"")
      .max(MAX_HOST_LENGTH + 2, `host has at most ${MAX_HOST_LENGTH} characters`),
    ports: z
      .array(
        z.union([z.number(), z.string().max(32)], { error: "each port is a number or a range such as \"8000-8010\"" }),
        { error: "ports is required: a list such as [22, 80, \"8000-8010\"]" },
      )
      .min(1, "ports needs at least one port")
      .max(1000, "ports has at most 1000 items"),
    timeoutMs: z
      .number({ error: `timeoutMs is a number of milliseconds from ${MIN_TIMEOUT_MS} to ${MAX_TIMEOUT_MS}` })
      .int("timeoutMs is a whole number of milliseconds")
      .min(MIN_TIMEOUT_MS, `timeoutMs is at least ${MIN_TIMEOUT_MS}`)
      .max(MAX_TIMEOUT_MS, `timeoutMs is at most ${MAX_TIMEOUT_MS}`)
      .optional(),
    protocol: z.enum(["tcp", "udp"], { error: "protocol is \"tcp\" or \"udp\"" }).optional(),
    family: z.enum(["4", "6", "both"], { error: "family is \"4\", \"6\" or \"both\"" }).optional(),
    tls: z.union([z.literal("auto"), z.boolean()], { error: "tls is \"auto\", true or false" }).optional(),
    regions: z
      .union(
        [
          z.literal("all"),
          z
            .array(z.string().regex(REGION_PATTERN, "a region is a name such as eu-west (GET /api/v1/regions lists them)"))
            .min(1, "regions needs at least one region, or \"all\"")
            .max(16, "regions has at most 16 items"),
        ],
        { error: "regions is a list of region names such as [\"eu-west\", \"us-east\"], or \"all\"" },
      )
      .optional(),
    verifyToken: z
      .string({ error: "verifyToken is the token from POST /api/v1/verify-tokens" })
      .regex(VERIFY_TOKEN_PATTERN, "verifyToken is the token from POST /api/v1/verify-tokens (pc- and 24 letters and digits)")
      .optional(),
  })
  .strict()
  .refine((body) => body.tls === undefined || body.tls === "auto" || body.protocol !== "udp", { message: "tls works with protocol \"tcp\" only", path: ["tls"] })
  // Each port and range is checked here, before any budget is spent; how many a caller may ask for is checked later.
  .superRefine((body, ctx) => {
    const parsed = parsePorts(body.ports, MAX_PORTS_ANYONE);
    if (parsed.ok) return;
    for (const issue of parsed.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.index >= 0 ? ["ports", issue.index] : ["ports"] });
  });

export type CreateCheckBody = z.infer<typeof createCheckBody>;

/** Check ids are 16 random bytes in base64url. Anything else is not found without a query. */
export const checkIdSchema = z.string().regex(/^[A-Za-z0-9_-]{22}$/);
