// Create a notification channel for an account: settings checked for the kind, judged (policy, own
// address), completed (a webhook's signing secret, answered once), stored.
import { channelKind } from "../alerts/channels/registry";
import { newId } from "../ids";
import { ProblemError } from "../problem-error";
import { CHANNEL_SELECT, channelView } from "./channel-view";
import { type ChannelContext, judgeChannel, parseConfig } from "./judge-channel";
import { type ChannelView, type CreateChannelInput, MAX_CHANNELS_PER_USER } from "./schemas";

export async function createChannel(context: ChannelContext, userId: string, input: CreateChannelInput): Promise<ChannelView & { secret?: string }> {
  const kind = channelKind(input.kind);
  let config = parseConfig(kind, input.config);
  await judgeChannel(context, userId, kind, config);
  config = kind.prepare ? kind.prepare(config, null) : config;
  const row = await context.db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`channels:${userId}`}))`;
    if ((await tx.notificationChannel.count({ where: { userId } })) >= MAX_CHANNELS_PER_USER) {
      throw new ProblemError("quota_exceeded", `An account can have at most ${MAX_CHANNELS_PER_USER} channels. Delete one to add another.`);
    }
    return tx.notificationChannel.create({ data: { id: newId(), userId, kind: input.kind, name: input.name, config: config as object }, select: CHANNEL_SELECT });
  });
  const secret = typeof config.secret === "string" ? config.secret : undefined;
  return { ...channelView(row), ...(secret ? { secret } : {}) };
}
