// ntfy: a server URL and a topic (and an access token for protected topics). The text is the body;
// Title, Priority, Tags and Click go in headers (RFC 2047 for a title that is not ASCII).
import { z } from "zod";
import { alertMessage, alertPlainText } from "../../alert-message";
import { defineKind, joinUrl, maskSecret, tokenField, urlField } from "../channel-kind";

const PRIORITY = { bad: "5", warning: "4", good: "3", info: "3" } as const;
const TAGS = { bad: "rotating_light", warning: "warning", good: "white_check_mark", info: "information_source" } as const;

function headerText(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text : `=?UTF-8?B?${Buffer.from(text, "utf8").toString("base64")}?=`;
}

export const ntfyKind = defineKind<{ serverUrl: string; topic: string; accessToken?: string }>({
  kind: "ntfy",
  label: "ntfy",
  configSchema: z.object({
    serverUrl: urlField("serverUrl", "https://ntfy.sh"),
    topic: z.string({ error: "topic is required" }).trim().regex(/^[A-Za-z0-9_-]{1,64}$/, "topic is 1 to 64 letters, digits, - and _"),
    accessToken: tokenField("accessToken").optional(),
  }),
  // On a public ntfy server whoever knows the topic reads it: it is as secret as a token.
  secrets: ["accessToken", "topic"],
  urls: (config) => [config.serverUrl],
  describe: (config) => joinUrl(config.serverUrl, maskSecret(config.topic)),
  message: (payload, config, reader) => {
    const message = alertMessage(payload, reader.timeZone);
    return {
      transport: "http",
      url: joinUrl(config.serverUrl, config.topic),
      judged: true,
      headers: {
        "content-type": "text/plain; charset=utf-8",
        title: headerText(message.subject),
        priority: PRIORITY[message.severity],
        tags: TAGS[message.severity],
        click: message.url,
        ...(config.accessToken ? { authorization: `Bearer ${config.accessToken}` } : {}),
      },
      body: alertPlainText(message),
    };
  },
});

