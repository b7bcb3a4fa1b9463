// Gotify: a server URL and an application token; POST /message with {title, message, priority}. The token
// goes in the X-Gotify-Key header rather than the URL, so no proxy log keeps it.
import { z } from "zod";
import { alertMessage, alertPlainText } from "../../alert-message";
import { defineKind, joinUrl, tokenField, urlField } from "../channel-kind";

const PRIORITY = { bad: 8, warning: 5, good: 4, info: 4 } as const;

export const gotifyKind = defineKind({
  kind: "gotify",
  label: "Gotify",
  configSchema: z.object({ serverUrl: urlField("serverUrl", "https://gotify.example.com"), appToken: tokenField("appToken") }),
  secrets: ["appToken"],
  urls: (config) => [config.serverUrl],
  describe: (config) => config.serverUrl,
  message: (payload, config, reader) => {
    const message = alertMessage(payload, reader.timeZone);
    return {
      transport: "http",
      url: joinUrl(config.serverUrl, "message"),
      judged: true,
      headers: { "x-gotify-key": config.appToken },
      body: JSON.stringify({ title: message.subject, message: alertPlainText(message), priority: PRIORITY[message.severity], extras: { "client::notification": { click: { url: message.url } } } }),
    };
  },
});
