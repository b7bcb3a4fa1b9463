// The OpenAPI 3.1 document of the public API, generated from the endpoint catalog and the same zod
// schemas the handlers parse with (zod 4's own JSON Schema output: no second description to drift).
import { z } from "zod";
import { alertPayloadSchema } from "../alerts/alert-payload-schema";
import { problemSchema } from "./common-schemas";
import { type Endpoint, ENDPOINTS } from "./endpoints";
import { PROBLEMS, type ProblemCode } from "./problems";

type JsonSchema = Record<string, unknown>;

function jsonSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, target: "draft-2020-12", unrepresentable: "any" }) as JsonSchema;
  return rest;
}

function resolve(schema: unknown): z.ZodType | undefined {
  return typeof schema === "function" ? (schema as () => z.ZodType)() : (schema as z.ZodType | undefined);
}

/** The problems an operation may answer: those of every operation, those of its features, and its own. */
export function problemsOf(endpoint: Endpoint): ProblemCode[] {
  const codes = new Set<ProblemCode>(["invalid_request", "rate_limited", "internal_error", "service_unavailable"]);
  if (endpoint.auth !== "none") for (const code of ["unauthorized", "forbidden"] as const) codes.add(code);
  if (endpoint.auth === "user-or-key") codes.add("insufficient_scope");
  if (endpoint.auth !== "session") codes.add("invalid_api_key");
  if (endpoint.body || endpoint.requestContentTypes) for (const code of ["payload_too_large", "unsupported_media_type"] as const) codes.add(code);
  if (endpoint.params) codes.add("not_found");
  for (const code of endpoint.problems ?? []) codes.add(code);
  return [...codes];
}

const RATE_LIMIT_HEADERS = {
  "RateLimit-Limit": { description: "Requests of this kind allowed per window.", schema: { type: "integer" } },
  "RateLimit-Remaining": { description: "Requests left in this window.", schema: { type: "integer" } },
  "RateLimit-Reset": { description: "Seconds until the window resets.", schema: { type: "integer" } },
};

function operation(endpoint: Endpoint): JsonSchema {
  const parameters: JsonSchema[] = [];
  const params = resolve(endpoint.params);
  const query = resolve(endpoint.query);
  for (const [location, schema] of [["path", params], ["query", query]] as const) {
    if (!schema) continue;
    const object = jsonSchema(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, property] of Object.entries(object.properties ?? {})) {
      const { description, ...rest } = property;
      parameters.push({ name, in: location, required: location === "path" || (object.required ?? []).includes(name), ...(description ? { description } : {}), schema: rest });
    }
  }
  if (endpoint.idempotent) {
    parameters.push({ name: "Idempotency-Key", in: "header", required: false, description: "The same key and body within 24 hours get the first answer again.", schema: { type: "string", maxLength: 255 } });
  }
  const body = resolve(endpoint.body);
  const responses: Record<string, JsonSchema> = {};
  for (const [status, response] of Object.entries(endpoint.responses)) {
    const contentType = response.contentType ?? "application/json";
    responses[status] = {
      description: response.description,
      headers: RATE_LIMIT_HEADERS,
      ...(response.schema ? { content: { [contentType]: { schema: jsonSchema(response.schema, "output") } } } : response.contentType ? { content: { [contentType]: {} } } : {}),
    };
  }
  const byStatus = new Map<number, ProblemCode[]>();
  for (const code of problemsOf(endpoint)) byStatus.set(PROBLEMS[code].status, [...(byStatus.get(PROBLEMS[code].status) ?? []), code]);
  for (const [status, codes] of byStatus) {
    responses[String(status)] = {
      description: codes.map((code) => `\`${code}\`: ${PROBLEMS[code].title}. ${PROBLEMS[code].action}`).join("\n\n"),
      content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } },
    };
  }
  const security = endpoint.auth === "none" ? [{}, { bearerAuth: [] }] : endpoint.auth === "session" ? [{ sessionCookie: [] }] : [{ bearerAuth: [] }, { sessionCookie: [] }];
  return {
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    ...(endpoint.description ? { description: endpoint.description } : {}),
    tags: [endpoint.tag],
    security,
    ...(parameters.length ? { parameters } : {}),
    ...(body
      ? {
          requestBody: {
            required: true,
            content: Object.fromEntries(
              (endpoint.requestContentTypes ?? ["application/json"]).map((type) => [type, type === "text/csv" ? { schema: { type: "string" } } : { schema: jsonSchema(body, "input") }]),
            ),
          },
        }
      : {}),
    responses,
  };
}

export function openApiDocument(baseUrl: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const endpoint of Object.values(ENDPOINTS) as Endpoint[]) {
    paths[endpoint.path] ??= {};
    paths[endpoint.path]![endpoint.method.toLowerCase()] = operation(endpoint);
  }
  paths["/api/v1/openapi.json"] = {
    get: { operationId: "getOpenApi", summary: "This document", tags: ["You"], security: [{}], responses: { 200: { description: "OpenAPI 3.1.", content: { "application/json": {} } } } },
  };
  return {
    openapi: "3.1.0",
    info: {
      title: "Portcheck API",
      version: "1.0.0",
      description: "Can the internet reach this port? Start checks, follow their verdicts, and manage monitors. Errors are application/problem+json with a stable `code`.",
    },
    servers: [{ url: baseUrl }],
    tags: ["Checks", "Regions", "Ownership", "Monitors", "Status pages", "Maintenance windows", "Channels", "API keys", "Ports", "You"].map((name) => ({ name })),
    paths,
    webhooks: {
      monitorAlert: {
        post: {
          summary: "An alert about a monitor",
          description:
            "POSTed to the monitor's webhook URL with the headers Portcheck-Event, Portcheck-Delivery and Portcheck-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<raw body>\" with the monitor's secret>.",
          requestBody: { content: { "application/json": { schema: jsonSchema(alertPayloadSchema, "output") } } },
          responses: { 200: { description: "Any 2xx acknowledges the delivery; anything else is retried with backoff." } },
        },
      },
    },
    components: {
      schemas: { Problem: jsonSchema(problemSchema, "output") },
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "An API key from Settings: Authorization: Bearer pck_..." },
        sessionCookie: { type: "apiKey", in: "cookie", name: "better-auth.session_token", description: "A signed-in session; requests that change something must come from Portcheck's own pages." },
      },
    },
  };
}
