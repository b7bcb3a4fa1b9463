// Every notification channel kind, by name. A new kind is one file in ./kinds and one line here.
import { type ChannelKind, type ChannelKindName } from "./channel-kind";
import { discordKind } from "./kinds/discord";
import { emailKind } from "./kinds/email";
import { gotifyKind } from "./kinds/gotify";
import { ntfyKind } from "./kinds/ntfy";
import { slackKind } from "./kinds/slack";
import { teamsKind } from "./kinds/teams";
import { telegramKind } from "./kinds/telegram";
import { webhookKind } from "./kinds/webhook";

export const CHANNEL_KINDS: Record<ChannelKindName, ChannelKind> = {
  email: emailKind,
  webhook: webhookKind,
  slack: slackKind,
  discord: discordKind,
  teams: teamsKind,
  telegram: telegramKind,
  ntfy: ntfyKind,
  gotify: gotifyKind,
};

export function channelKind(name: string): ChannelKind {
  const kind = CHANNEL_KINDS[name as ChannelKindName];
  if (!kind) throw new Error(`unknown channel kind ${name}`);
  return kind;
}
