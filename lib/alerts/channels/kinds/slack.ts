// Slack incoming webhook: {text, blocks} (a header, the sentences and facts in mrkdwn, a link).
import { z } from "zod";
import { alertMessage } from "../../alert-message";
import { defineKind, maskSecret, urlField } from "../channel-kind";

/** Slack's mrkdwn treats &, < and > as control characters. */
const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export const slackKind = defineKind({
  kind: "slack",
  label: "Slack",
  configSchema: z.object({ webhookUrl: urlField("webhookUrl", "https://hooks.slack.com/services/…") }),
  secrets: ["webhookUrl"],
  urls: (config) => [config.webhookUrl],
  describe: (config) => maskSecret(config.webhookUrl),
  message: (payload, config, reader) => {
    const message = alertMessage(payload, reader.timeZone);
    const facts = message.facts.map(([label, value]) => `*${escape(label)}:* ${escape(value)}`).join("\n");
    return {
      transport: "http",
      url: config.webhookUrl,
      judged: true,
      headers: {},
      body: JSON.stringify({
        text: escape(message.subject),
        blocks: [
          { type: "header", text: { type: "plain_text", text: message.subject.slice(0, 150) } },
          { type: "section", text: { type: "mrkdwn", text: escape(message.sentences.join(" ")) } },
          { type: "section", text: { type: "mrkdwn", text: facts.slice(0, 3000) } },
          { type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: "Open the monitor" }, url: message.url }] },
        ],
      }),
    };
  },
});
