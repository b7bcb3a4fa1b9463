// Every public API operation, declared once: who may call it, its inputs (the same zod schemas the
// handlers parse), its budget, and its answers. The routes in app/api/v1 wrap these; the OpenAPI document,
// the API reference and the contract test read them. A new endpoint is one entry here and one route file.
import { z } from "zod";
import { apiKeyViewSchema, createApiKeyBody, createdApiKeySchema } from "../api-keys/schemas";
import { checkViewSchema } from "../checks/check-view";
import { createCheckBody } from "../checks/schemas";
import { env } from "../env";
import { deliverySchema, incidentSchema, monitorResultSchema, monitorViewSchema, monitorWithSecretSchema, nextLinkSchema } from "../monitors/monitor-view-schema";
import { createMonitorBody, resultsQuery, updateMonitorBody } from "../monitors/schemas";
import { clientIpSchema, portKnowledgeSchema, regionListSchema, verifyTokenSchema } from "./common-schemas";
import { pageQuery } from "./pagination";
import type { ProblemCode } from "./problems";
import type { AuthMode } from "./caller";
import type { LimitName } from "./route-limits";

export interface EndpointResponse {
  description: string;
  schema?: z.ZodType;
  contentType?: string;
}

export interface Endpoint<A extends AuthMode = AuthMode, B = unknown, Q = unknown, PS = unknown> {
  operationId: string;
  method: "GET" | "POST" | "PATCH" | "DELETE";
  /** The OpenAPI path, with {parameters}. */
  path: string;
  tag: "Checks" | "Regions" | "Ownership" | "Monitors" | "API keys" | "Ports" | "You";
  summary: string;
  description?: string;
  auth: A;
  scope?: "read" | "write";
  params?: PS;
  query?: Q;
  body?: B;
  /** Other request media types than JSON (the import takes CSV too). */
  requestContentTypes?: string[];
  limit?: LimitName;
  cors?: boolean;
  idempotent?: boolean;
  responses: Record<number, EndpointResponse>;
  /** The problems this operation may answer besides the ones every operation may. */
  problems?: ProblemCode[];
  /** A request body for the reference's curl, JavaScript and Python examples. */
  example?: unknown;
}

function endpoint<A extends AuthMode, B extends z.ZodType | (() => z.ZodType) | undefined = undefined, Q extends z.ZodType | undefined = undefined, PS extends z.ZodType | undefined = undefined>(
  definition: Endpoint<A, B, Q, PS>,
): Endpoint<A, B, Q, PS> {
  return definition;
}

export const idParams = z.object({ id: z.string().describe("The resource's id.") });
const portParams = z.object({ port: z.string().describe("A port number, 0 to 65535.") });
const waitQuery = z.object({
  wait: z.coerce
    .number({ error: "wait is a number of seconds from 0 to 30" })
    .min(0, "wait is at least 0")
    .max(30, "wait is at most 30 seconds")
    .default(0)
    .describe("Seconds to wait for the check to end (at most 30); the answer comes as soon as it does."),
});
const tokenQuery = z.object({ port: z.coerce.number().int().min(1).max(65535).catch(8080).default(8080).describe("The port the listener commands use.") });
const exportQuery = z.object({ format: z.enum(["csv", "json"], { error: "format is \"csv\" or \"json\"" }).default("json") });
const monitorsBody = () => createMonitorBody(env().MONITOR_MIN_INTERVAL_SECONDS);
const monitorPatch = () => updateMonitorBody(env().MONITOR_MIN_INTERVAL_SECONDS);
const exportedMonitor = z.record(z.string(), z.unknown());

export const ENDPOINTS = {
  createCheck: endpoint({
    operationId: "createCheck",
    method: "POST",
    path: "/api/v1/checks",
    tag: "Checks",
    summary: "Start a check of some ports on one host",
    description: "Anonymous, or with an API key or a session for the higher limits. Answers at once with every result pending; poll, wait or stream for the verdicts.",
    auth: "none",
    body: createCheckBody,
    limit: "checks",
    cors: true,
    idempotent: true,
    responses: { 202: { description: "The check, queued.", schema: checkViewSchema } },
    problems: ["target_forbidden", "invalid_token", "idempotency_key_reused", "idempotency_in_flight"],
    example: { host: "example.com", ports: [22, 80, 443, "8000-8010"], timeoutMs: 3000 },
  }),
  getCheck: endpoint({
    operationId: "getCheck",
    method: "GET",
    path: "/api/v1/checks/{id}",
    tag: "Checks",
    summary: "A check and its results so far",
    description: "With ?wait=N, answers as soon as the check is done or failed, or after N seconds with what is known.",
    auth: "none",
    params: idParams,
    query: waitQuery,
    cors: true,
    responses: { 200: { description: "The check.", schema: checkViewSchema } },
  }),
  checkEvents: endpoint({
    operationId: "checkEvents",
    method: "GET",
    path: "/api/v1/checks/{id}/events",
    tag: "Checks",
    summary: "Follow a check live (Server-Sent Events)",
    description: "One `result` event per verdict as it lands (those already known first), then `done` with the whole check. Heartbeats every 15 s; at most 10 minutes.",
    auth: "none",
    params: idParams,
    cors: true,
    responses: { 200: { description: "An event stream: `event: result` (a result) and `event: done` (the check).", contentType: "text/event-stream" } },
  }),
  createVerifyToken: endpoint({
    operationId: "createVerifyToken",
    method: "POST",
    path: "/api/v1/verify-tokens",
    tag: "Ownership",
    summary: "A one-time token to prove a port reaches your machine",
    description: "Valid ten minutes, for the visitor it was issued to, once. Start one of the listener commands, then check the port with `verifyToken`.",
    auth: "none",
    query: tokenQuery,
    limit: "tokens",
    responses: { 201: { description: "The token and the listener commands.", schema: verifyTokenSchema } },
  }),
  listRegions: endpoint({
    operationId: "listRegions",
    method: "GET",
    path: "/api/v1/regions",
    tag: "Regions",
    summary: "The regions checks and monitors can run from",
    description:
      "Every region with a worker seen in the last day, and the default regions. A region is available while at least one of its workers announced itself in the last 15 s; a check's part in an unavailable region ends at once as `region_unavailable`.",
    auth: "none",
    cors: true,
    responses: { 200: { description: "The regions, and the ones a check uses when it names none.", schema: regionListSchema } },
  }),
  getIp: endpoint({
    operationId: "getIp",
    method: "GET",
    path: "/api/v1/ip",
    tag: "You",
    summary: "Your IP address as Portcheck sees it",
    auth: "none",
    cors: true,
    responses: { 200: { description: "Your address.", schema: clientIpSchema } },
  }),
  getPort: endpoint({
    operationId: "getPort",
    method: "GET",
    path: "/api/v1/ports/{port}",
    tag: "Ports",
    summary: "What Portcheck knows about a port",
    description: "Its IANA range and registered services, security notes (trojans, risky services, ports providers block), and the protocol a check of it should use.",
    auth: "none",
    params: portParams,
    cors: true,
    responses: { 200: { description: "The port.", schema: portKnowledgeSchema } },
  }),
  listMonitors: endpoint({
    operationId: "listMonitors",
    method: "GET",
    path: "/api/v1/monitors",
    tag: "Monitors",
    summary: "Your monitors, oldest first",
    auth: "user-or-key",
    query: pageQuery,
    responses: { 200: { description: "A page of monitors.", schema: z.object({ monitors: z.array(monitorViewSchema), next: nextLinkSchema }) } },
  }),
  createMonitor: endpoint({
    operationId: "createMonitor",
    method: "POST",
    path: "/api/v1/monitors",
    tag: "Monitors",
    summary: "Add a monitor",
    auth: "user-or-key",
    body: monitorsBody,
    limit: "changes",
    idempotent: true,
    responses: { 201: { description: "The monitor (and its webhook secret, once).", schema: monitorWithSecretSchema } },
    problems: ["quota_exceeded", "target_forbidden", "idempotency_key_reused", "idempotency_in_flight"],
    example: { name: "Game server", host: "example.com", port: 25565, intervalSeconds: 60, expect: "open" },
  }),
  importMonitors: endpoint({
    operationId: "importMonitors",
    method: "POST",
    path: "/api/v1/monitors/import",
    tag: "Monitors",
    summary: "Import up to 500 monitors (JSON or CSV)",
    description: "A JSON array of monitors (the export's shape) or CSV with the header name,host,port,intervalSeconds,expect. Validated as a whole, with an error per row; created all or nothing, within the quota.",
    auth: "user-or-key",
    body: z.array(z.record(z.string(), z.unknown())),
    requestContentTypes: ["application/json", "text/csv"],
    limit: "changes",
    responses: { 201: { description: "The monitors created.", schema: z.object({ monitors: z.array(monitorWithSecretSchema) }) } },
    problems: ["quota_exceeded", "payload_too_large"],
    example: [{ name: "Web", host: "example.com", port: 443, intervalSeconds: 300, expect: "open" }],
  }),
  exportMonitors: endpoint({
    operationId: "exportMonitors",
    method: "GET",
    path: "/api/v1/monitors/export",
    tag: "Monitors",
    summary: "Export your monitors (JSON or CSV), in the import's shape",
    auth: "user-or-key",
    query: exportQuery,
    responses: { 200: { description: "Every monitor: a JSON array, or CSV.", schema: z.array(exportedMonitor) } },
  }),
  getMonitor: endpoint({
    operationId: "getMonitor",
    method: "GET",
    path: "/api/v1/monitors/{id}",
    tag: "Monitors",
    summary: "One monitor",
    auth: "user-or-key",
    params: idParams,
    responses: { 200: { description: "The monitor.", schema: monitorViewSchema } },
  }),
  updateMonitor: endpoint({
    operationId: "updateMonitor",
    method: "PATCH",
    path: "/api/v1/monitors/{id}",
    tag: "Monitors",
    summary: "Change a monitor (any field of POST)",
    auth: "user-or-key",
    params: idParams,
    body: monitorPatch,
    limit: "changes",
    responses: { 200: { description: "The monitor.", schema: monitorWithSecretSchema } },
    problems: ["target_forbidden"],
    example: { paused: true },
  }),
  deleteMonitor: endpoint({
    operationId: "deleteMonitor",
    method: "DELETE",
    path: "/api/v1/monitors/{id}",
    tag: "Monitors",
    summary: "Delete a monitor with its history",
    auth: "user-or-key",
    params: idParams,
    responses: { 204: { description: "Deleted." } },
  }),
  listMonitorResults: endpoint({
    operationId: "listMonitorResults",
    method: "GET",
    path: "/api/v1/monitors/{id}/results",
    tag: "Monitors",
    summary: "A monitor's results, newest first",
    auth: "user-or-key",
    params: idParams,
    query: resultsQuery,
    responses: {
      200: { description: "A page of results.", schema: z.object({ results: z.array(monitorResultSchema), nextCursor: z.string().nullable(), next: nextLinkSchema }) },
    },
  }),
  listMonitorIncidents: endpoint({
    operationId: "listMonitorIncidents",
    method: "GET",
    path: "/api/v1/monitors/{id}/incidents",
    tag: "Monitors",
    summary: "A monitor's state periods, newest first",
    auth: "user-or-key",
    params: idParams,
    query: pageQuery,
    responses: { 200: { description: "A page of incidents.", schema: z.object({ incidents: z.array(incidentSchema), next: nextLinkSchema }) } },
  }),
  listMonitorDeliveries: endpoint({
    operationId: "listMonitorDeliveries",
    method: "GET",
    path: "/api/v1/monitors/{id}/deliveries",
    tag: "Monitors",
    summary: "A monitor's alert deliveries, newest first",
    auth: "user-or-key",
    params: idParams,
    query: pageQuery,
    responses: { 200: { description: "A page of deliveries.", schema: z.object({ deliveries: z.array(deliverySchema), next: nextLinkSchema }) } },
  }),
  sendTestAlert: endpoint({
    operationId: "sendTestAlert",
    method: "POST",
    path: "/api/v1/monitors/{id}/test-alert",
    tag: "Monitors",
    summary: "Send a test alert to every channel of a monitor",
    auth: "user-or-key",
    params: idParams,
    limit: "changes",
    responses: { 202: { description: "The deliveries queued.", schema: z.object({ deliveries: z.array(z.string()) }) } },
  }),
  createApiKey: endpoint({
    operationId: "createApiKey",
    method: "POST",
    path: "/api/v1/api-keys",
    tag: "API keys",
    summary: "Create an API key (a signed-in session only)",
    description: "The whole key is in this answer only. Keys cannot manage keys: a leaked key cannot mint more.",
    auth: "session",
    body: createApiKeyBody,
    limit: "changes",
    responses: { 201: { description: "The key, shown once.", schema: createdApiKeySchema } },
    problems: ["quota_exceeded"],
    example: { name: "CI job", scope: "read" },
  }),
  listApiKeys: endpoint({
    operationId: "listApiKeys",
    method: "GET",
    path: "/api/v1/api-keys",
    tag: "API keys",
    summary: "Your API keys, newest first (a signed-in session only)",
    auth: "session",
    query: pageQuery,
    responses: { 200: { description: "A page of keys.", schema: z.object({ apiKeys: z.array(apiKeyViewSchema), next: nextLinkSchema }) } },
  }),
  revokeApiKey: endpoint({
    operationId: "revokeApiKey",
    method: "DELETE",
    path: "/api/v1/api-keys/{id}",
    tag: "API keys",
    summary: "Revoke an API key at once (a signed-in session only)",
    auth: "session",
    params: idParams,
    responses: { 204: { description: "Revoked." } },
  }),
} as const;

export type EndpointName = keyof typeof ENDPOINTS;
