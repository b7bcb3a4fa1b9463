// The status pages' operations in the endpoint catalog (lib/http/endpoints.ts), which spreads them in.
import { z } from "zod";
import { createStatusPageBody, statusPageViewSchema, updateStatusPageBody } from "../status-pages/schemas";
import { endpoint } from "./endpoint";
import { idParams } from "./endpoint-params";

export const STATUS_PAGE_ENDPOINTS = {
  listStatusPages: endpoint({
    operationId: "listStatusPages",
    method: "GET",
    path: "/api/v1/status-pages",
    tag: "Status pages",
    summary: "Your status pages",
    auth: "user-or-key",
    responses: { 200: { description: "The pages, oldest first.", schema: z.object({ statusPages: z.array(statusPageViewSchema) }) } },
  }),
  createStatusPage: endpoint({
    operationId: "createStatusPage",
    method: "POST",
    path: "/api/v1/status-pages",
    tag: "Status pages",
    summary: "Publish a status page of some of your monitors",
    description: "At /status/{slug}, with no login: each monitor's name (its host and port only with showTargets), its state, 90 days of daily uptime, and its incidents, with an Atom feed.",
    auth: "user-or-key",
    body: createStatusPageBody,
    limit: "changes",
    responses: { 201: { description: "The page.", schema: statusPageViewSchema } },
    problems: ["slug_taken"],
    example: { slug: "acme", title: "Acme services", monitorIds: ["<monitor id>"], showTargets: false },
  }),
  getStatusPage: endpoint({
    operationId: "getStatusPage",
    method: "GET",
    path: "/api/v1/status-pages/{id}",
    tag: "Status pages",
    summary: "One of your status pages",
    auth: "user-or-key",
    params: idParams,
    responses: { 200: { description: "The page.", schema: statusPageViewSchema } },
  }),
  updateStatusPage: endpoint({
    operationId: "updateStatusPage",
    method: "PATCH",
    path: "/api/v1/status-pages/{id}",
    tag: "Status pages",
    summary: "Change a status page: its slug, title, monitors or whether targets show",
    auth: "user-or-key",
    params: idParams,
    body: updateStatusPageBody,
    limit: "changes",
    responses: { 200: { description: "The page.", schema: statusPageViewSchema } },
    problems: ["slug_taken"],
  }),
  deleteStatusPage: endpoint({
    operationId: "deleteStatusPage",
    method: "DELETE",
    path: "/api/v1/status-pages/{id}",
    tag: "Status pages",
    summary: "Take a status page down",
    auth: "user-or-key",
    params: idParams,
    responses: { 204: { description: "Deleted; its address answers 404 from now on." } },
  }),
} as const;
