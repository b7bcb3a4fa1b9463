// The account's time zone: the times in its alerts (e-mails and chat messages) are shown in it. Set from
// the browser's zone under Settings; any IANA name this server's Intl knows.
import { z } from "zod";
import { isTimeZone } from "../alerts/alert-message";
import type { Db } from "../db";

export const timeZoneBody = z
  .object({
    timeZone: z
      .string({ error: "timeZone is a time zone name such as Europe/Berlin" })
      .trim()
      .max(64, "timeZone has at most 64 characters")
      .refine(isTimeZone, "timeZone is not a time zone this server knows (use a name such as Europe/Berlin or UTC)"),
  })
  .strict();

export const timeZoneViewSchema = z.object({ timeZone: z.string().describe("An IANA time zone name, such as Europe/Berlin.") });

export async function setTimeZone(db: Db, userId: string, timeZone: string): Promise<{ timeZone: string }> {
  await db.user.updateMany({ where: { id: userId }, data: { timeZone } });
  return { timeZone };
}

export async function getTimeZone(db: Db, userId: string): Promise<string> {
  return (await db.user.findUnique({ where: { id: userId }, select: { timeZone: true } }))?.timeZone ?? "UTC";
}
