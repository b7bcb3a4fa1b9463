// Inputs and the public shape of notification channels, as zod schemas: the API, the form and the OpenAPI
// document. The create body is one object per kind (its config schema comes from the kind's file).
import { z } from "zod";
import { CHANNEL_KIND_NAMES } from "../alerts/channels/channel-kind";
import { CHANNEL_KINDS } from "../alerts/channels/registry";

export const MAX_CHANNELS_PER_USER = 50;

const name = z.string({ error: "name is required" }).trim().min(1, "name is required").max(100, "name has at most 100 characters");

const kindBodies = CHANNEL_KIND_NAMES.map((kind) => z.object({ kind: z.literal(kind), name, config: CHANNEL_KINDS[kind].configSchema }).strict());

export const createChannelBody = z.discriminatedUnion("kind", kindBodies as unknown as [(typeof kindBodies)[number], ...(typeof kindBodies)[number][]], {
  error: `kind is one of ${CHANNEL_KIND_NAMES.join(", ")}`,
});
export type CreateChannelInput = { kind: (typeof CHANNEL_KIND_NAMES)[number]; name: string; config: Record<string, unknown> };

export const updateChannelBody = z
  .object({
    name,
    config: z.record(z.string(), z.unknown(), { error: "config is an object of the kind's settings" }).describe("Only the settings to change: a secret left out (or empty) is kept."),
  })
  .partial()
  .strict();
export type UpdateChannelInput = z.infer<typeof updateChannelBody>;

/** Attach channels to a monitor: monitor create and PATCH. */
export const channelIdsField = z
  .array(z.string().regex(/^[A-Za-z0-9_-]{22}$/, "each channel id is an id from GET /api/v1/channels"), { error: "channelIds is a list of your channels' ids" })
  .max(20, "channelIds has at most 20 channels")
  .transform((ids) => [...new Set(ids)]);

export const channelViewSchema = z.object({
  id: z.string(),
  kind: z.enum(CHANNEL_KIND_NAMES),
  name: z.string(),
  config: z.record(z.string(), z.unknown()).describe("The settings; secrets (webhook URLs of chat services, tokens, signing secrets) masked."),
  target: z.string().describe("Where alerts go, without secrets: as the delivery log shows it."),
  monitorIds: z.array(z.string()).describe("The monitors it is attached to."),
  createdAt: z.string(),
  updatedAt: z.string(),
  links: z.object({ self: z.string(), deliveries: z.string() }),
});
export type ChannelView = z.infer<typeof channelViewSchema>;

export const createdChannelSchema = channelViewSchema.extend({ secret: z.string().optional().describe("webhook channels: the signing secret, shown once (and again when the URL changes).") });
