// The shape of one operation in the endpoint catalog (lib/http/endpoints.ts), and the helper that types it.
import type { z } from "zod";
import type { AuthMode } from "./caller";
import type { ProblemCode } from "./problems";
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
  tag: "Checks" | "Regions" | "Ownership" | "Monitors" | "Status pages" | "Maintenance windows" | "Channels" | "API keys" | "Ports" | "You";
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

export function endpoint<A extends AuthMode, B extends z.ZodType | (() => z.ZodType) | undefined = undefined, Q extends z.ZodType | undefined = undefined, PS extends z.ZodType | undefined = undefined>(
  definition: Endpoint<A, B, Q, PS>,
): Endpoint<A, B, Q, PS> {
  return definition;
}
