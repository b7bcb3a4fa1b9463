// The signed webhook as a channel: the documented JSON body, signed like a monitor's webhook
// (Portcheck-Signature). The secret is made by the server, shown once, and renewed with a new URL.
import { z } from "zod";
import { newWebhookSecret, SIGNATURE_HEADER, signWebhook } from "../../webhook-signature";
import { defineKind, urlField } from "../channel-kind";

export const webhookKind = defineKind<{ url: string; secret?: string }>({
  kind: "webhook",
  label: "Webhook",
  configSchema: z.object({ url: urlField("url", "https://example.com/hooks/portcheck"), secret: z.string().max(100).optional() }),
  secrets: ["secret"],
  prepare: (config, previous) => ({
    url: config.url,
    secret: previous && previous.url === config.url && typeof previous.secret === "string" ? previous.secret : newWebhookSecret(),
  }),
  urls: (config) => [config.url],
  describe: (config) => config.url,
  message: (payload, config) => {
    const body = JSON.stringify(payload);
    return {
      transport: "http",
      url: config.url,
      judged: true,
      body,
      headers: { [SIGNATURE_HEADER]: signWebhook(config.secret ?? "", body), "portcheck-event": payload.event, "portcheck-delivery": payload.id },
    };
  },
});
