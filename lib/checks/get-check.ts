// Read a check with its results, in the public API's shape (GET /api/v1/checks/{id} and the permalink page).
import { env } from "../env";
import { ianaService, type ServiceInfo } from "../ports/services";
import type { Db } from "../db";
import { checkIdSchema } from "./schemas";

export type CheckStatus = "queued" | "running" | "done" | "failed";
export type ResultState = "pending" | "open" | "closed" | "filtered" | "unreachable" | "error";

export interface CheckResultView {
  port: number;
  state: ResultState;
  address: string | null;
  latencyMs: number | null;
  errorCode: string | null;
  checkedAt: string | null;
  service: ServiceInfo | null;
}

export interface CheckView {
  id: string;
  status: CheckStatus;
  host: string;
  ports: number[];
  timeoutMs: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: { code: string; message: string } | null;
  results: CheckResultView[];
  links: { self: string; html: string };
}

export function checkLinks(id: string): CheckView["links"] {
  const base = env().APP_URL;
  return { self: `${base}/api/v1/checks/${id}`, html: `${base}/checks/${id}` };
}

/** The check, or null when the id is malformed or unknown. */
export async function getCheck(db: Db, id: string): Promise<CheckView | null> {
  if (!checkIdSchema.safeParse(id).success) return null;
  const check = await db.check.findUnique({
    where: { id },
    select: {
      id: true,
      status: true,
      host: true,
      ports: true,
      timeoutMs: true,
      createdAt: true,
      startedAt: true,
      finishedAt: true,
      errorCode: true,
      errorMessage: true,
      results: {
        where: { probe: "tcp" },
        orderBy: { port: "asc" },
        select: { port: true, state: true, address: true, latencyMs: true, errorCode: true, checkedAt: true },
      },
    },
  });
  if (!check) return null;
  return {
    id: check.id,
    status: check.status,
    host: check.host,
    ports: check.ports,
    timeoutMs: check.timeoutMs,
    createdAt: check.createdAt.toISOString(),
    startedAt: check.startedAt?.toISOString() ?? null,
    finishedAt: check.finishedAt?.toISOString() ?? null,
    error: check.errorCode ? { code: check.errorCode, message: check.errorMessage ?? "" } : null,
    results: check.results.map((result) => ({
      port: result.port,
      state: result.state,
      address: result.address,
      latencyMs: result.latencyMs,
      errorCode: result.errorCode,
      checkedAt: result.checkedAt?.toISOString() ?? null,
      service: ianaService(result.port),
    })),
    links: checkLinks(check.id),
  };
}
