// Telegram: a bot token and a chat id; POST {TELEGRAM_API_URL}/bot<token>/sendMessage with plain text.
// The API URL is the operator's (not judged by the target policy); the token never reaches a log or an error.
import { z } from "zod";
import { alertMessage, alertPlainText } from "../../alert-message";
import { env } from "../../../env";
import { defineKind } from "../channel-kind";

export const telegramKind = defineKind({
  kind: "telegram",
  label: "Telegram",
  configSchema: z.object({
    botToken: z
      .string({ error: "botToken is the token @BotFather gave you, such as 123456:ABC-DEF…" })
      .trim()
      .regex(/^\d{1,20}:[A-Za-z0-9_-]{20,100}$/, "botToken looks like 123456789:AAH… (the token @BotFather gave you)"),
    chatId: z
      .string({ error: "chatId is the chat's id (a number such as -1001234567890) or a channel's @name" })
      .trim()
      .regex(/^(-?\d{1,20}|@[A-Za-z][A-Za-z0-9_]{3,31})$/, "chatId is a number such as -1001234567890, or a public channel's @name"),
  }),
  secrets: ["botToken"],
  urls: () => [],
  describe: (config) => `chat ${config.chatId}`,
  message: (payload, config, reader) => {
    const message = alertMessage(payload, reader.timeZone);
    return {
      transport: "http",
      url: `${env().TELEGRAM_API_URL}/bot${config.botToken}/sendMessage`,
      judged: false,
      headers: {},
      body: JSON.stringify({ chat_id: config.chatId, text: `${message.subject}\n\n${alertPlainText(message)}`.slice(0, 4096), disable_web_page_preview: true }),
    };
  },
});
