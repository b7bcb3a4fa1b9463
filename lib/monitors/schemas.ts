// Inputs of the monitors feature: one schema for the API, the form and the worker.
import { z } from "zod";
import { webhookUrlProblem } from "../alerts/deliver-webhook";
import { channelIdsField } from "../channels/schemas";
import { MAX_TIMEOUT_MS, MIN_TIMEOUT_MS } from "../checks/schemas";
import { MAX_HOST_LENGTH } from "../targets/parse-host";
import { MAX_PAYLOAD_BYTES, payloadProblem } from "./payload";
import { REGION_PATTERN } from "../regions/region-name";

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
    expect: z.enum(["open", "closed"], { error: "expect is \"open\" or \"closed\" (a text the reply must contain goes in expectReply)" }),
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
    protocol: z.enum(["tcp", "udp"], { error: "protocol is \"tcp\" or \"udp\"" }),
    family: z.enum(["4", "6", "both"], { error: "family is \"4\", \"6\" or \"both\"" }),
    tls: z.union([z.literal("auto"), z.boolean()], { error: "tls is \"auto\", true or false" }),
    degradedLatencyMs: z
      .number({ error: "degradedLatencyMs is a number of milliseconds, or null" })
      .int("degradedLatencyMs is a whole number")
      .min(1, "degradedLatencyMs is at least 1")
      .max(MAX_TIMEOUT_MS, `degradedLatencyMs is at most ${MAX_TIMEOUT_MS}`)
      .nullable(),
    send: z
      .string({ error: "send is a text, or null" })
      .max(4 * MAX_PAYLOAD_BYTES, `send is at most ${MAX_PAYLOAD_BYTES} bytes`)
      .nullable()
      .superRefine((value, ctx) => {
        const problem = value === null ? null : payloadProblem(value);
        if (problem) ctx.addIssue({ code: "custom", message: problem });
      }),
    expectReply: z
      .string({ error: "expectReply is a text, or null" })
      .min(1, "expectReply is empty: leave it out to expect nothing")
      .max(MAX_PAYLOAD_BYTES, `expectReply is at most ${MAX_PAYLOAD_BYTES} characters`)
      .nullable(),
    certExpiryDays: z.number({ error: "certExpiryDays is a number of days, or null" }).int().min(1, "certExpiryDays is at least 1").max(365, "certExpiryDays is at most 365").nullable(),
    regions: z
      .array(z.string().regex(REGION_PATTERN, "a region is a name such as eu-west (GET /api/v1/regions lists them)"), { error: "regions is a list of region names such as [\"eu-west\", \"us-east\"]" })
      .min(1, "regions needs at least one region")
      .max(16, "regions has at most 16 items")
      .transform((names) => [...new Set(names)]),
    quorum: z
      .number({ error: "quorum is a number of regions, or null for a majority" })
      .int("quorum is a whole number")
      .min(1, "quorum is at least 1")
      .max(16, "quorum is at most 16")
      .nullable(),
    channelIds: channelIdsField,
  };
}

/** send and expectReply talk TCP; UDP monitors use the protocol payloads of their port. A quorum needs that many regions. */
function tcpOnlyFields(value: { protocol?: "tcp" | "udp"; send?: string | null; expectReply?: string | null; tls?: "auto" | boolean; regions?: string[]; quorum?: number | null }, ctx: z.RefinementCtx) {
  if (value.regions && typeof value.quorum === "number" && value.quorum > value.regions.length) {
    ctx.addIssue({ code: "custom", path: ["quorum"], message: `quorum is at most the number of regions (${value.regions.length})` });
  }
  if (value.protocol !== "udp") return;
  for (const field of ["send", "expectReply"] as const) {
    if (value[field]) ctx.addIssue({ code: "custom", path: [field], message: `${field} works with protocol "tcp" only` });
  }
  if (value.tls === true || value.tls === false) ctx.addIssue({ code: "custom", path: ["tls"], message: "tls works with protocol \"tcp\" only" });
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
      protocol: fields.protocol.default("tcp"),
      family: fields.family.default("both"),
      tls: fields.tls.default("auto"),
      degradedLatencyMs: fields.degradedLatencyMs.default(null),
      send: fields.send.default(null),
      expectReply: fields.expectReply.default(null),
      certExpiryDays: fields.certExpiryDays.default(null),
      regions: fields.regions.optional(),
      quorum: fields.quorum.default(null),
      channelIds: fields.channelIds.default([]),
    })
    .strict()
    .superRefine(tcpOnlyFields);
}

export function updateMonitorBody(minIntervalSeconds: number) {
  return z.object(monitorFields(minIntervalSeconds)).partial().strict().superRefine(tcpOnlyFields);
}

export type CreateMonitorInput = z.infer<ReturnType<typeof createMonitorBody>>;
export type UpdateMonitorInput = z.infer<ReturnType<typeof updateMonitorBody>>;

export const resultsQuery = z.object({
  cursor: z.string().regex(/^\d{1,18}$/, "cursor is the value of nextCursor from the previous page").optional(),
  limit: z.coerce.number().int().min(1, "limit is at least 1").max(500, "limit is at most 500").default(100),
});
