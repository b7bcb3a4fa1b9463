// Inputs of the monitors feature: one schema for the API, the form and the worker.
import { z } from "zod";
import { webhookUrlProblem } from "../alerts/deliver-webhook";
import { MAX_TIMEOUT_MS, MIN_TIMEOUT_MS } from "../checks/schemas";
import { MAX_HOST_LENGTH } from "../targets/parse-host";

export const MAX_INTERVAL_SECONDS = 24 * 3600;

export function monitorFields(minIntervalSeconds: number) {
  return {
    name: z.string().trim().min(1, "name is required").max(100, "name has at most 100 characters"),
    host: z.string().trim().min(1, "host is required").max(MAX_HOST_LENGTH + 2, `host has at most ${MAX_HOST_LENGTH} characters`),
    port: z.number({ error: "port is a number from 1 to 65535" }).int("port is a whole number").min(1, "port is at least 1").max(65535, "port is at most 65535"),
    intervalSeconds: z
      .number({ error: "intervalSeconds is a number of seconds" })
      .int("intervalSeconds is a whole number")
      .min(minIntervalSeconds, `intervalSeconds is at least ${minIntervalSeconds}`)
      .max(MAX_INTERVAL_SECONDS, `intervalSeconds is at most ${MAX_INTERVAL_SECONDS}`),
    timeoutMs: z
      .number({ error: `timeoutMs is a number from ${MIN_TIMEOUT_MS} to ${MAX_TIMEOUT_MS}` })
      .int("timeoutMs is a whole number")
      .min(MIN_TIMEOUT_MS, `timeoutMs is at least ${MIN_TIMEOUT_MS}`)
      .max(MAX_TIMEOUT_MS, `timeoutMs is at most ${MAX_TIMEOUT_MS}`),
    expect: z.enum(["open", "closed"], { error: "expect is \"open\" or \"closed\"" }),
    confirmations: z.number({ error: "confirmations is a number from 1 to 10" }).int().min(1, "confirmations is at least 1").max(10, "confirmations is at most 10"),
    paused: z.boolean({ error: "paused is true or false" }),
    emailAlerts: z.boolean({ error: "emailAlerts is true or false" }),
    webhookUrl: z
      .string()
      .trim()
      .max(2048)
      .nullable()
      .refine((value) => value === null || value === "" || webhookUrlProblem(value) === null, { message: "webhookUrl must be an http(s) URL without credentials" })
      .transform((value) => (value === "" ? null : value)),
    alertRepeatMinutes: z.number({ error: "alertRepeatMinutes is a number of minutes" }).int().min(0).max(7 * 24 * 60),
  };
}

export function createMonitorBody(minIntervalSeconds: number) {
  const fields = monitorFields(minIntervalSeconds);
  return z
    .object({
      ...fields,
      intervalSeconds: fields.intervalSeconds.default(Math.max(60, minIntervalSeconds)),
      timeoutMs: fields.timeoutMs.default(3000),
      expect: fields.expect.default("open"),
      confirmations: fields.confirmations.default(2),
      paused: fields.paused.default(false),
      emailAlerts: fields.emailAlerts.default(true),
      webhookUrl: fields.webhookUrl.optional().transform((value) => value ?? null),
      alertRepeatMinutes: fields.alertRepeatMinutes.default(0),
    })
    .strict();
}

export function updateMonitorBody(minIntervalSeconds: number) {
  return z.object(monitorFields(minIntervalSeconds)).partial().strict();
}

export type CreateMonitorInput = z.infer<ReturnType<typeof createMonitorBody>>;
export type UpdateMonitorInput = z.infer<ReturnType<typeof updateMonitorBody>>;

export const resultsQuery = z.object({
  cursor: z.string().regex(/^\d{1,18}$/, "cursor is the value of nextCursor from the previous page").optional(),
  limit: z.coerce.number().int().min(1, "limit is at least 1").max(500, "limit is at most 500").default(100),
});
