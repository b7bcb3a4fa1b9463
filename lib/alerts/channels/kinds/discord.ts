// Discord incoming webhook: {content, embeds}, with mentions switched off (a monitor's name cannot ping @everyone).
import { incomingWebhookKind } from "../incoming-webhook-kind";

const COLOURS = { bad: 0xb91c1c, good: 0x15803d, warning: 0xb45309, info: 0x1d4ed8 } as const;

export const discordKind = incomingWebhookKind({
  kind: "discord",
  label: "Discord",
  example: "https://discord.com/api/webhooks/…",
  body: (message, payload) => ({
    content: message.subject.slice(0, 2000),
    allowed_mentions: { parse: [] },
    embeds: [
      {
        title: message.headline,
        description: message.sentences.join("\n").slice(0, 4000),
        url: message.url,
        color: COLOURS[message.severity],
        timestamp: payload.occurredAt,
        fields: message.facts.map(([name, value]) => ({ name, value: value.slice(0, 1024), inline: false })),
      },
    ],
  }),
});
