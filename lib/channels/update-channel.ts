// Change a channel's name or settings. Settings are merged over the stored ones, so a secret left out (or
// empty, as the form sends it) is kept; the result is checked and judged as at creation. The kind stays.
import { channelKind } from "../alerts/channels/registry";
import { CHANNEL_SELECT, channelView, notFoundChannel } from "./channel-view";
import { type ChannelContext, judgeChannel, parseConfig } from "./judge-channel";
import type { ChannelView, UpdateChannelInput } from "./schemas";

export async function updateChannel(context: ChannelContext, userId: string, id: string, input: UpdateChannelInput): Promise<ChannelView & { secret?: string }> {
  const current = await context.db.notificationChannel.findFirst({ where: { id, userId }, select: { kind: true, config: true } });
  if (!current) throw notFoundChannel();
  const kind = channelKind(current.kind);
  const stored = (current.config ?? {}) as Record<string, unknown>;
  let secret: string | undefined;
  let config: Record<string, unknown> | undefined;
  if (input.config) {
    const changes = Object.fromEntries(Object.entries(input.config).filter(([key, value]) => !(kind.secrets.includes(key) && (value === "" || value === null || value === undefined))));
    config = parseConfig(kind, { ...stored, ...changes });
    await judgeChannel(context, userId, kind, config);
    config = kind.prepare ? kind.prepare(config, stored) : config;
    if (typeof config.secret === "string" && config.secret !== stored.secret) secret = config.secret;
  }
  const changed = await context.db.notificationChannel.updateMany({
    where: { id, userId },
    data: { ...(input.name !== undefined ? { name: input.name } : {}), ...(config ? { config: config as object } : {}), updatedAt: new Date() },
  });
  if (changed.count === 0) throw notFoundChannel();
  const row = await context.db.notificationChannel.findFirst({ where: { id, userId }, select: CHANNEL_SELECT });
  if (!row) throw notFoundChannel();
  return { ...channelView(row), ...(secret ? { secret } : {}) };
}
