// Inputs and the public shape of maintenance windows, as zod schemas: the API, the form and the OpenAPI
// document. Fields belong to kinds (once: startsAt/endsAt; weekly: days/startTime/durationMinutes; cron:
// expression/durationMinutes); whether they fit together is judged after parsing (lib/maintenance/schedule.ts).
import { z } from "zod";
import { WEEKDAYS } from "./schedule";

const DAY_NAMES: Record<string, number> = Object.fromEntries(
  WEEKDAYS.flatMap((short, index) => [[short, index], [["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"][index]!, index]]),
);

const daySchema = z.union([
  z.number().int().min(0, "a day is 0 (Sunday) to 6 (Saturday)").max(6, "a day is 0 (Sunday) to 6 (Saturday)"),
  z
    .string()
    .transform((name) => DAY_NAMES[name.trim().toLowerCase()] ?? -1)
    .refine((day) => day >= 0, "a day is a name such as mon or monday, or 0 (Sunday) to 6 (Saturday)"),
]);

const idList = (field: string, what: string, from: string) =>
  z
    .array(z.string().regex(/^[A-Za-z0-9_-]{22}$/, `each ${what} id is an id from ${from}`), { error: `${field} is a list of your ${what}s' ids` })
    .max(100, `at most 100 ${what}s`)
    .transform((ids) => [...new Set(ids)]);

const fields = {
  title: z.string({ error: "title is required" }).trim().min(1, "title is required").max(100, "title has at most 100 characters"),
  kind: z.enum(["once", "weekly", "cron"], { error: "kind is once, weekly or cron" }),
  timeZone: z.string({ error: "timeZone is an IANA time zone such as Europe/Berlin" }).trim().min(1).max(64).describe("IANA time zone, e.g. Europe/Berlin; weekly and cron times are wall-clock times there."),
  startsAt: z.string().trim().max(40).describe("once: ISO 8601; without an offset it is wall-clock time in timeZone.").nullable(),
  endsAt: z.string().trim().max(40).describe("once: ISO 8601, after startsAt, at most 7 days later.").nullable(),
  days: z.array(daySchema, { error: "days is a list of weekdays" }).max(7).describe("weekly: 0 (Sunday) to 6, or names (mon, tuesday)."),
  startTime: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "startTime is HH:MM, 00:00 to 23:59")
    .describe("weekly: the wall-clock start, HH:MM.")
    .nullable(),
  expression: z.string().trim().max(100, "expression has at most 100 characters").describe("cron: five fields, minute hour day-of-month month day-of-week.").nullable(),
  durationMinutes: z.number({ error: "durationMinutes is a whole number of minutes" }).int("durationMinutes is a whole number of minutes").describe("weekly and cron: how long each occurrence lasts, 1 to 10080.").nullable(),
  monitorIds: idList("monitorIds", "monitor", "GET /api/v1/monitors").describe("Monitors this window covers."),
  statusPageIds: idList("statusPageIds", "status page", "GET /api/v1/status-pages").describe("Status pages whose monitors this window all covers."),
  active: z.boolean({ error: "active is true or false" }).describe("Off: kept, but silences nothing."),
};

export const createMaintenanceWindowBody = z
  .object({
    ...fields,
    timeZone: fields.timeZone.default("UTC"),
    startsAt: fields.startsAt.optional(),
    endsAt: fields.endsAt.optional(),
    days: fields.days.optional(),
    startTime: fields.startTime.optional(),
    expression: fields.expression.optional(),
    durationMinutes: fields.durationMinutes.optional(),
    monitorIds: fields.monitorIds.default([]),
    statusPageIds: fields.statusPageIds.default([]),
    active: fields.active.default(true),
  })
  .strict();
export const updateMaintenanceWindowBody = z.object(fields).partial().strict();
export type CreateMaintenanceWindowInput = z.infer<typeof createMaintenanceWindowBody>;
export type UpdateMaintenanceWindowInput = z.infer<typeof updateMaintenanceWindowBody>;

const occurrenceSchema = z.object({ start: z.string(), end: z.string() });

export const maintenanceWindowViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(["once", "weekly", "cron"]),
  timeZone: z.string(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  days: z.array(z.number()),
  startTime: z.string().nullable(),
  expression: z.string().nullable(),
  durationMinutes: z.number().nullable(),
  active: z.boolean(),
  monitorIds: z.array(z.string()),
  statusPageIds: z.array(z.string()),
  activeNow: z.boolean().describe("Whether an occurrence is on now (and the window active)."),
  activeUntil: z.string().nullable().describe("When the occurrence on now ends."),
  nextOccurrences: z.array(occurrenceSchema).describe("Up to five, the one on now first; UTC instants."),
  createdAt: z.string(),
  updatedAt: z.string(),
  links: z.object({ self: z.string() }),
});
export type MaintenanceWindowView = z.infer<typeof maintenanceWindowViewSchema>;
