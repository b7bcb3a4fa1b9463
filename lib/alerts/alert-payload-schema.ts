// The webhook body (see alert-payload.ts) as a zod schema, for the OpenAPI document's webhooks section.
import { z } from "zod";

export const alertPayloadSchema = z.object({
  id: z.string().describe("The delivery id (also in the Portcheck-Delivery header): deduplicate on it."),
  event: z.enum(["monitor.down", "monitor.up", "monitor.degraded", "monitor.reminder", "monitor.certificate", "test"]),
  occurredAt: z.string(),
  monitor: z.object({
    id: z.string(),
    name: z.string(),
    host: z.string(),
    port: z.number().int(),
    expect: z.enum(["open", "closed"]),
    state: z.string(),
    stateLabel: z.enum(["PENDING", "UP", "SLOW", "DOWN", "EXPOSED", "PAUSED"]).optional().describe("The state in words that fit the monitor: a port that must stay closed and opens is EXPOSED."),
    url: z.string(),
  }),
  incident: z
    .object({
      id: z.string(),
      state: z.enum(["up", "degraded", "down"]),
      startedAt: z.string(),
      endedAt: z.string().nullable(),
      cause: z.string().nullable().describe("What was seen; for several regions, the regions that agreed first: \"eu-west, us-east: filtered: no-response\"."),
      regions: z
        .array(z.object({ region: z.string(), state: z.string(), cause: z.string().nullable(), voting: z.boolean() }))
        .optional()
        .describe("Monitors of several regions: what each region saw; voting false for a region with no live worker or no recent result."),
    })
    .nullable(),
  outage: z
    .object({ startedAt: z.string(), endedAt: z.string(), durationSeconds: z.number().int() })
    .optional()
    .describe("monitor.up after an outage (or an exposure): how long it lasted."),
  certificate: z
    .object({ subject: z.string().nullable(), issuer: z.string().nullable(), validTo: z.string().nullable(), daysLeft: z.number().nullable(), fingerprint: z.string().nullable() })
    .optional()
    .describe("monitor.certificate only."),
});
