// RFC 9457 problem details: the one shape of every API error, from the one table of problems.
import { env } from "../env";
import type { ProblemError } from "../problem-error";
import { PROBLEMS } from "./problems";

export { PROBLEM_CODES, type ProblemCode } from "./problems";

export function problemResponse(error: ProblemError, headers: Record<string, string> = {}): Response {
  const problem = PROBLEMS[error.code];
  const body: Record<string, unknown> = {
    type: `${env().APP_URL}/docs/api#${error.code}`,
    title: problem.title,
    status: problem.status,
    detail: error.message,
    code: error.code,
  };
  if (error.details.errors) body.errors = error.details.errors;
  const retryAfter: Record<string, string> = error.details.retryAfterSeconds !== undefined ? { "retry-after": String(error.details.retryAfterSeconds) } : {};
  return new Response(JSON.stringify(body), {
    status: problem.status,
    headers: { "content-type": "application/problem+json", "cache-control": "no-store", ...retryAfter, ...headers },
  });
}
