// E-mail to the account's own confirmed address, in the reader's time zone (the channel's, else the account's).
// Only that address: alerts must not become a way to mail strangers.
import { z } from "zod";
import { alertEmail } from "../../alert-email";
import { isTimeZone } from "../../alert-message";
import { defineKind } from "../channel-kind";

export const emailKind = defineKind({
  kind: "email",
  label: "E-mail",
  configSchema: z.object({
    address: z.email({ error: "address is an e-mail address: your account's confirmed one" }).trim().max(320),
    timeZone: z
      .string({ error: "timeZone is a time zone name such as Europe/Berlin" })
      .trim()
      .max(64)
      .refine(isTimeZone, "timeZone is not a time zone this server knows (use a name such as Europe/Berlin or UTC)")
      .optional()
      .describe("Times in the e-mails are in this zone; left out: the account's time zone."),
  }),
  secrets: [],
  urls: () => [],
  describe: (config) => config.address,
  message: (payload, config, reader) => ({ transport: "mail", to: config.address, ...alertEmail(payload, config.timeZone ?? reader.timeZone) }),
});
