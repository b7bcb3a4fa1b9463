// Microsoft Teams incoming webhook: a MessageCard (title, sentences, facts, a button to the monitor).
import { z } from "zod";
import { alertMessage } from "../../alert-message";
import { defineKind, maskSecret, urlField } from "../channel-kind";

const COLOURS = { bad: "B91C1C", good: "15803D", warning: "B45309", info: "1D4ED8" } as const;

export const teamsKind = defineKind({
  kind: "teams",
  label: "Microsoft Teams",
  configSchema: z.object({ webhookUrl: urlField("webhookUrl", "https://example.webhook.office.com/webhookb2/…") }),
  secrets: ["webhookUrl"],
  urls: (config) => [config.webhookUrl],
  describe: (config) => maskSecret(config.webhookUrl),
  message: (payload, config, reader) => {
    const message = alertMessage(payload, reader.timeZone);
    return {
      transport: "http",
      url: config.webhookUrl,
      judged: true,
      headers: {},
      body: JSON.stringify({
        "@type": "MessageCard",
        "@context": "https://schema.org/extensions",
        summary: message.subject,
        themeColor: COLOURS[message.severity],
        title: message.subject,
        sections: [{ text: message.sentences.join(" "), facts: message.facts.map(([name, value]) => ({ name, value })) }],
        potentialAction: [{ "@type": "OpenUri", name: "Open the monitor", targets: [{ os: "default", uri: message.url }] }],
      }),
    };
  },
});
