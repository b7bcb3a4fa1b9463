// Notification channels in the public API's shape: secrets masked (a chat service's webhook URL is itself
// a secret), and where alerts go in words. The signing secret of a webhook channel leaves only when made.
import { env } from "../env";
import type { Prisma } from "../generated/prisma/client";
import { maskSecret } from "../alerts/channels/channel-kind";
import { channelKind } from "../alerts/channels/registry";
import { ProblemError } from "../problem-error";
import type { ChannelView } from "./schemas";

export const CHANNEL_SELECT = {
  id: true,
  kind: true,
  name: true,
  config: true,
  createdAt: true,
  updatedAt: true,
  monitors: { select: { monitorId: true }, orderBy: { monitorId: "asc" } },
} as const satisfies Prisma.NotificationChannelSelect;

export type ChannelRow = Prisma.NotificationChannelGetPayload<{ select: typeof CHANNEL_SELECT }>;

export const notFoundChannel = () => new ProblemError("not_found", "There is no channel with this id in your account.");

export function maskedConfig(kindName: string, config: Record<string, unknown>): Record<string, unknown> {
  const kind = channelKind(kindName);
  return Object.fromEntries(Object.entries(config).map(([key, value]) => [key, kind.secrets.includes(key) && typeof value === "string" ? maskSecret(value) : value]));
}

export function channelView(row: ChannelRow): ChannelView {
  const base = env().APP_URL;
  const kind = channelKind(row.kind);
  const config = (row.config ?? {}) as Record<string, unknown>;
  const parsed = kind.configSchema.safeParse(config);
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    config: maskedConfig(row.kind, config),
    target: parsed.success ? kind.describe(parsed.data) : "(settings need fixing)",
    monitorIds: row.monitors.map((item) => item.monitorId),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    links: { self: `${base}/api/v1/channels/${row.id}`, deliveries: `${base}/api/v1/channels/${row.id}/deliveries` },
  };
}
