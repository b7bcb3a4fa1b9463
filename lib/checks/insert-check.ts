// Stores a new check and its run per region in one SQL statement (one round trip, atomic by itself),
// and returns it in the shape getCheck reads, built from what was written: a new check has no results.
// Prisma's nested create took a transaction and six round trips, most of the POST's time.
import type { Db } from "../db";
import type { checkView } from "./get-check";

type CheckRow = Parameters<typeof checkView>[0];

export interface NewCheck {
  id: string;
  host: string;
  ports: number[];
  timeoutMs: number;
  clientKey: string;
  protocol: "tcp" | "udp";
  family: "v4" | "v6" | "both";
  tls: "auto" | "on" | "off";
  verifyToken: string | null;
  regions: string[];
  preset: string | null;
  createdAt: Date;
  /** Set when no region can take the check: it is stored failed. */
  failure: { code: string; message: string } | null;
  runs: { region: string; chunks: number; failure: { code: string; message: string } | null }[];
}

const FAMILY_VALUE = { v4: "4", v6: "6", both: "both" } as const;

export async function insertCheck(db: Db, check: NewCheck): Promise<CheckRow> {
  const finishedAt = check.failure ? check.createdAt : null;
  const runs = check.runs;
  await db.$executeRaw`
    WITH new_check AS (
      INSERT INTO checks (id, host, ports, timeout_ms, status, error_code, error_message, client_key, protocol, family, tls, verify_token, regions, preset, created_at, finished_at)
      VALUES (${check.id}, ${check.host}, ${check.ports}::int[], ${check.timeoutMs}, ${check.failure ? "failed" : "queued"}::"CheckStatus",
              ${check.failure?.code ?? null}, ${check.failure?.message ?? null}, ${check.clientKey}, ${check.protocol}::"ProbeKind",
              ${FAMILY_VALUE[check.family]}::"FamilyChoice", ${check.tls}::"TlsMode", ${check.failure ? null : check.verifyToken},
              ${check.regions}::text[], ${check.preset}, ${check.createdAt}, ${finishedAt})
      RETURNING id
    )
    INSERT INTO check_runs (check_id, region, chunks, status, error_code, error_message, created_at, finished_at)
    SELECT new_check.id, run.region, run.chunks, run.status::"CheckStatus", run.error_code, run.error_message, ${check.createdAt}, run.finished_at
    FROM new_check, unnest(
      ${runs.map((run) => run.region)}::text[],
      ${runs.map((run) => run.chunks)}::int[],
      ${runs.map((run) => (run.failure ? "failed" : "queued"))}::text[],
      ${runs.map((run) => run.failure?.code ?? null)}::text[],
      ${runs.map((run) => run.failure?.message ?? null)}::text[],
      ${runs.map((run) => (run.failure ? check.createdAt : null))}::timestamptz[]
    ) AS run(region, chunks, status, error_code, error_message, finished_at)`;
  return {
    id: check.id,
    status: check.failure ? "failed" : "queued",
    host: check.host,
    ports: check.ports,
    timeoutMs: check.timeoutMs,
    protocol: check.protocol,
    family: check.family,
    tls: check.tls,
    addresses: null,
    verifyToken: check.failure ? null : check.verifyToken,
    createdAt: check.createdAt,
    startedAt: null,
    finishedAt,
    errorCode: check.failure?.code ?? null,
    errorMessage: check.failure?.message ?? null,
    regions: check.regions,
    preset: check.preset,
    runs: runs.map((run) => ({
      region: run.region,
      status: run.failure ? "failed" : "queued",
      addresses: null,
      errorCode: run.failure?.code ?? null,
      errorMessage: run.failure?.message ?? null,
      startedAt: null,
      finishedAt: run.failure ? check.createdAt : null,
    })),
    results: [],
  };
}
