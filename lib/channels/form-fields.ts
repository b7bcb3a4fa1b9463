// The channel form's fields for each kind, in words (labels, examples, help). Plain data, safe for the
// browser; the rules themselves are the kinds' zod schemas (lib/alerts/channels/kinds).
import type { ChannelKindName } from "../alerts/channels/channel-kind";

export interface ChannelFormField {
  name: string;
  label: string;
  placeholder?: string;
  help?: string;
  /** Shown masked once saved; left empty on edit, it is kept. */
  secret?: boolean;
  optional?: boolean;
}

export const CHANNEL_FORMS: Record<ChannelKindName, { label: string; intro: string; fields: ChannelFormField[] }> = {
  email: {
    label: "E-mail",
    intro: "Alerts to your own confirmed address: a readable layout, with times in your time zone.",
    fields: [
      { name: "address", label: "Address", help: "Your account's address: other addresses are refused." },
      { name: "timeZone", label: "Time zone (optional)", placeholder: "Europe/Berlin", help: "Times in the e-mails are shown in this zone; left empty, in your account's time zone (Settings).", optional: true },
    ],
  },
  webhook: {
    label: "Webhook",
    intro: "The documented JSON body, signed with HMAC-SHA256 (Portcheck-Signature). The secret is shown once.",
    fields: [{ name: "url", label: "URL", placeholder: "https://example.com/hooks/portcheck" }],
  },
  slack: {
    label: "Slack",
    intro: "An incoming webhook of a Slack app (Apps → Incoming Webhooks → Add New Webhook).",
    fields: [{ name: "webhookUrl", label: "Webhook URL", placeholder: "https://hooks.slack.com/services/…", secret: true }],
  },
  discord: {
    label: "Discord",
    intro: "A channel's webhook (Edit Channel → Integrations → Webhooks → Copy Webhook URL).",
    fields: [{ name: "webhookUrl", label: "Webhook URL", placeholder: "https://discord.com/api/webhooks/…", secret: true }],
  },
  teams: {
    label: "Microsoft Teams",
    intro: "An incoming webhook of a Teams channel (Connectors or Workflows).",
    fields: [{ name: "webhookUrl", label: "Webhook URL", placeholder: "https://example.webhook.office.com/webhookb2/…", secret: true }],
  },
  telegram: {
    label: "Telegram",
    intro: "A bot of yours (from @BotFather) posting to a chat it is a member of.",
    fields: [
      { name: "botToken", label: "Bot token", placeholder: "123456789:AAH…", secret: true },
      { name: "chatId", label: "Chat id", placeholder: "-1001234567890", help: "A number, or a public channel's @name." },
    ],
  },
  ntfy: {
    label: "ntfy",
    intro: "Push notifications to your phone through an ntfy server (ntfy.sh or your own).",
    fields: [
      { name: "serverUrl", label: "Server URL", placeholder: "https://ntfy.sh" },
      { name: "topic", label: "Topic", placeholder: "my-portcheck-alerts", help: "Anyone who knows a topic on a public server can read it: pick a long, random one.", secret: true },
      { name: "accessToken", label: "Access token (optional)", placeholder: "tk_…", secret: true, optional: true },
    ],
  },
  gotify: {
    label: "Gotify",
    intro: "Messages to your Gotify server, as an application of it.",
    fields: [
      { name: "serverUrl", label: "Server URL", placeholder: "https://gotify.example.com" },
      { name: "appToken", label: "Application token", placeholder: "AbCdEf…", secret: true },
    ],
  },
};
