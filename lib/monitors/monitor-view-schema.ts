// The public shapes of monitors and their sub-resources, as zod schemas: the API reference and the
// contract test read them; lib/monitors/views.ts and queries.ts build values of these shapes.
import { z } from "zod";
import { CHANNEL_KIND_NAMES } from "../alerts/channels/channel-kind";
import { REASONS, VERDICT_STATES } from "../probes/verdict-states";

const uptime = z.number().nullable().describe("Percent of known time up (slow counts as up), or null without data.");

export const monitorViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  host: z.string(),
  port: z.number().int(),
  intervalSeconds: z.number().int(),
  timeoutMs: z.number().int(),
  expect: z.enum(["open", "closed"]),
  confirmations: z.number().int(),
  paused: z.boolean(),
  state: z.enum(["pending", "up", "degraded", "down", "paused"]),
  stateChangedAt: z.string().nullable(),
  lastCheckedAt: z.string().nullable(),
  emailAlerts: z.boolean(),
  webhookUrl: z.string().nullable(),
  alertRepeatMinutes: z.number().int(),
  protocol: z.enum(["tcp", "udp"]),
  family: z.enum(["4", "6", "both"]),
  tls: z.union([z.literal("auto"), z.boolean()]),
  degradedLatencyMs: z.number().int().nullable(),
  send: z.string().nullable(),
  expectReply: z.string().nullable(),
  certExpiryDays: z.number().int().nullable(),
  regions: z.array(z.string()).describe("The regions it runs from."),
  quorum: z.number().int().nullable().describe("How many voting regions must agree to change its state; null: a majority of those live."),
  regionStates: z
    .array(
      z.object({
        region: z.string(),
        state: z.enum(["pending", "up", "degraded", "down", "paused"]).describe("This region's own confirmed state: its vote."),
        cause: z.string().nullable().describe("Its latest verdict in words."),
        lastCheckedAt: z.string().nullable(),
      }),
    )
    .describe("What each region sees. A region without a live worker, or without a result for two intervals, does not vote."),
  createdAt: z.string(),
  updatedAt: z.string(),
  uptime: z.object({ "24h": uptime, "7d": uptime, "30d": uptime }),
  knownSince: z.string().nullable().describe("Since when its state is known (in the last 30 days): a window longer than that covers only this much."),
  maintenance: z
    .object({ windowId: z.string(), title: z.string(), until: z.string() })
    .nullable()
    .describe("Set while a maintenance window covers it: results are recorded, but its state holds and no alert is sent until `until`."),
  channelIds: z.array(z.string()).describe("The notification channels alerts also go to (GET /api/v1/channels)."),
  links: z.object({ self: z.string(), html: z.string() }),
});

/** POST and PATCH answers: the monitor, with the webhook signing secret when a new one was made (shown once). */
export const monitorWithSecretSchema = monitorViewSchema.extend({ webhookSecret: z.string().optional().describe("Shown once, when a webhook URL is set.") });

export const monitorResultSchema = z.object({
  id: z.string(),
  scheduledAt: z.string(),
  checkedAt: z.string(),
  region: z.string(),
  protocol: z.enum(["tcp", "udp"]),
  state: z.enum(VERDICT_STATES),
  reason: z.enum(REASONS).nullable(),
  observation: z.enum(["up", "degraded", "down"]),
  family: z.number().int().nullable(),
  address: z.string().nullable(),
  latencyMs: z.number().nullable(),
  errorCode: z.string().nullable(),
  detail: z.unknown().describe("The cause in words, each address family's verdict, and the TLS and banner facts of the run."),
  maintenance: z.boolean().describe("Taken during a maintenance window: kept, but it moved no state and sent no alert."),
});

export const incidentSchema = z.object({
  id: z.string(),
  state: z.enum(["up", "degraded", "down"]),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  cause: z.string().nullable(),
  regions: z
    .array(z.object({ region: z.string(), state: z.string(), cause: z.string().nullable(), voting: z.boolean() }))
    .nullable()
    .describe("For monitors of several regions: what each region saw when the incident began; voting false: no live worker or no recent result."),
  durationSeconds: z.number().int(),
});

export const deliverySchema = z.object({
  id: z.string(),
  monitorId: z.string().nullable().describe("Null for a channel's own test message."),
  channelId: z.string().nullable().describe("The notification channel it went to; null for the monitor's own e-mail and webhook."),
  channel: z.enum(CHANNEL_KIND_NAMES).describe("The kind of channel."),
  event: z.enum(["down", "up", "reminder", "test", "degraded", "certificate"]),
  target: z.string(),
  status: z.enum(["pending", "delivered", "failed"]),
  attempts: z.number().int(),
  responseStatus: z.number().int().nullable(),
  error: z.string().nullable(),
  createdAt: z.string(),
  deliveredAt: z.string().nullable(),
});

export const nextLinkSchema = z.string().nullable().describe("The next page's URL, or null on the last page.");
