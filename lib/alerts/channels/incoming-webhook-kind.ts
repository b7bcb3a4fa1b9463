// The chat services that take alerts through an "incoming webhook" (Slack, Discord, Microsoft Teams): one
// secret URL as the only setting, and a JSON body of the service's own shape. A kind of this sort is its
// label, an example URL and that body.
import type { AlertPayload } from "../alert-payload";
import { type AlertMessage, alertMessage } from "../alert-message";
import { type ChannelKindName, defineKind, maskSecret, urlField } from "./channel-kind";
import { z } from "zod";

export function incomingWebhookKind(spec: { kind: ChannelKindName; label: string; example: string; body: (message: AlertMessage, payload: AlertPayload) => unknown }) {
  return defineKind({
    kind: spec.kind,
    label: spec.label,
    configSchema: z.object({ webhookUrl: urlField("webhookUrl", spec.example) }),
    secrets: ["webhookUrl"],
    urls: (config) => [config.webhookUrl],
    describe: (config) => maskSecret(config.webhookUrl),
    message: (payload, config, reader) => ({
      transport: "http",
      url: config.webhookUrl,
      judged: true,
      headers: {},
      body: JSON.stringify(spec.body(alertMessage(payload, reader.timeZone), payload)),
    }),
  });
}
