// The API's one mapping from anything thrown below a route to problem+json: problems as they are,
// domain errors (a refused target, a dependency away) by their meaning, validation errors by field,
// and everything else as a logged 500.
import { ZodError } from "zod";
import { logger } from "../logger";
import { ProblemError, serviceUnavailable } from "../problem-error";
import { TargetError } from "../targets/errors";
import { isInfrastructureError } from "./infrastructure";
import { problemResponse } from "./problem";

export function toProblem(error: unknown, request?: Request): ProblemError {
  if (error instanceof ProblemError) return error;
  if (error instanceof ZodError) {
    const errors = error.issues.map((issue) => ({ path: issue.path.join("/") || "body", message: issue.message }));
    return new ProblemError("invalid_request", errors.map((item) => item.message).join("; "), { errors });
  }
  if (error instanceof TargetError) {
    const errors = error.field ? [{ path: error.field, message: error.message }] : undefined;
    return new ProblemError(error.code === "invalid_host" ? "invalid_request" : "target_forbidden", error.message, { errors });
  }
  if (isInfrastructureError(error)) {
    logger.warn({ err: (error as Error).message, url: request?.url, requestId: request?.headers.get("x-request-id") }, "dependency unavailable");
    return serviceUnavailable("Portcheck's database or job queue is not reachable right now. Please try again shortly.");
  }
  logger.error({ err: error, url: request?.url, requestId: request?.headers.get("x-request-id") }, "unhandled error in API route");
  return new ProblemError("internal_error", "Something went wrong on our side. Please try again.");
}

export function errorResponse(error: unknown, request?: Request, headers: Record<string, string> = {}): Response {
  return problemResponse(toProblem(error, request), headers);
}
