// Every public API operation, declared once: who may call it, its inputs (the same zod schemas the
// handlers parse), its budget, and its answers. The routes in app/api/v1 wrap these; the OpenAPI document,
// the API reference and the contract test read them. A new endpoint is one entry here and one route file.
import { z } from "zod";
import { apiKeyViewSchema, createApiKeyBody, createdApiKeySchema } from "../api-keys/schemas";
import { checkViewSchema } from "../checks/check-view";
import { createCheckBody } from "../checks/schemas";
import { clientIpSchema, portKnowledgeSchema, regionListSchema, verifyTokenSchema } from "./common-schemas";
import { endpoint } from "./endpoint";
import { idParams, portParams, tokenQuery, waitQuery } from "./endpoint-params";
import { MONITOR_ENDPOINTS } from "./endpoints-monitors";
import { STATUS_PAGE_ENDPOINTS } from "./endpoints-status-pages";
import { MAINTENANCE_ENDPOINTS } from "./endpoints-maintenance";
import { CHANNEL_ENDPOINTS } from "./endpoints-channels";
import { nextLinkSchema } from "../monitors/monitor-view-schema";
import { pageQuery } from "./pagination";

export type { Endpoint, EndpointResponse } from "./endpoint";
export { idParams } from "./endpoint-params";

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
  createExposureScan: endpoint({
    operationId: "createExposureScan",
    method: "POST",
    path: "/api/v1/exposure-scans",
    tag: "Checks",
    summary: "Scan your own address for the 100 ports most often left open by mistake",
    description:
      "No body: the target is always the caller's own IP address. Databases, remote desktops, file sharing, Docker and Kubernetes APIs, printers, cameras... One scan per address every EXPOSURE_SCAN_INTERVAL_SECONDS (5 minutes by default). The answer is a check (preset \"exposure\") whose results carry each port's `exposure`: its usual service, how bad an open one is, and what it means.",
    auth: "none",
    limit: "exposure",
    responses: { 202: { description: "The scan, queued; follow it like any check.", schema: checkViewSchema } },
    problems: ["target_forbidden"],
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
  ...MONITOR_ENDPOINTS,
  ...STATUS_PAGE_ENDPOINTS,
  ...MAINTENANCE_ENDPOINTS,
  ...CHANNEL_ENDPOINTS,
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
