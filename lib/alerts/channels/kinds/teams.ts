// Microsoft Teams incoming webhook: a MessageCard (title, sentences, facts, a button to the monitor).
import { incomingWebhookKind } from "../incoming-webhook-kind";

const COLOURS = { bad: "B91C1C", good: "15803D", warning: "B45309", info: "1D4ED8" } as const;

export const teamsKind = incomingWebhookKind({
  kind: "teams",
  label: "Microsoft Teams",
  example: "https://example.webhook.office.com/webhookb2/…",
  body: (message) => ({
    "@type": "MessageCard",
    "@context": "https://schema.org/extensions",
    summary: message.subject,
    themeColor: COLOURS[message.severity],
    title: message.subject,
    sections: [{ text: message.sentences.join(" "), facts: message.facts.map(([name, value]) => ({ name, value })) }],
    potentialAction: [{ "@type": "OpenUri", name: "Open the monitor", targets: [{ os: "default", uri: message.url }] }],
  }),
});
