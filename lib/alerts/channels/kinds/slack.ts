// Slack incoming webhook: {text, blocks} (a header, the sentences and facts in mrkdwn, a link).
import { incomingWebhookKind } from "../incoming-webhook-kind";

/** Slack's mrkdwn treats &, < and > as control characters. */
const escape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export const slackKind = incomingWebhookKind({
  kind: "slack",
  label: "Slack",
  example: "https://hooks.slack.com/services/…",
  body: (message) => {
    const facts = message.facts.map(([label, value]) => `*${escape(label)}:* ${escape(value)}`).join("\n");
    return {
      text: escape(message.subject),
      blocks: [
        { type: "header", text: { type: "plain_text", text: message.subject.slice(0, 150) } },
        { type: "section", text: { type: "mrkdwn", text: escape(message.sentences.join(" ")) } },
        { type: "section", text: { type: "mrkdwn", text: facts.slice(0, 3000) } },
        { type: "actions", elements: [{ type: "button", text: { type: "plain_text", text: "Open the monitor" }, url: message.url }] },
      ],
    };
  },
});
