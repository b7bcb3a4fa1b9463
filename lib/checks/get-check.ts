// Read a check with its results in the public API's shape (GET /api/v1/checks/{id}, the permalink page).
// A port without a stored verdict is pending, once per address family being probed.
import { env } from "../env";
import { exposureEntry } from "../exposure/exposure-preset";
import { ianaService } from "../ports/services";
import { type Db, sqlPool } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { apiState, familyChoice, familyNameSql, tlsChoice } from "./check-options";
import type { CheckResultView, CheckView } from "./check-view";
import { checkIdSchema } from "./schemas";

export type { CheckResultView, CheckStatus, CheckView } from "./check-view";

export function checkLinks(id: string): CheckView["links"] {
  const base = env().APP_URL;
  return { self: `${base}/api/v1/checks/${id}`, html: `${base}/checks/${id}` };
}

export const CHECK_SELECT = {
  id: true,
  status: true,
  host: true,
  ports: true,
  timeoutMs: true,
  protocol: true,
  family: true,
  tls: true,
  addresses: true,
  verifyToken: true,
  createdAt: true,
  startedAt: true,
  finishedAt: true,
  errorCode: true,
  errorMessage: true,
  regions: true,
  preset: true,
  runs: { select: { region: true, status: true, addresses: true, errorCode: true, errorMessage: true, startedAt: true, finishedAt: true } },
  results: {
    select: { region: true, port: true, family: true, address: true, state: true, reason: true, latencyMs: true, errorCode: true, checkedAt: true, tls: true, banner: true, verified: true },
  },
} as const;

type CheckRow = Prisma.CheckGetPayload<{ select: typeof CHECK_SELECT }>;

// CHECK_SELECT in one statement (Prisma sends three: the check, its runs, its results), spelled as Prisma
// would return it. Named: parsed and planned once per connection. This is what every poll reads.
const CHECK_SQL = `
SELECT c.id, c.status::text AS status, c.host, c.ports, c.timeout_ms AS "timeoutMs", c.protocol::text AS protocol,
  ${familyNameSql("c.family")} AS family, c.tls::text AS tls,
  c.addresses, c.verify_token AS "verifyToken", c.created_at AS "createdAt", c.started_at AS "startedAt",
  c.finished_at AS "finishedAt", c.error_code AS "errorCode", c.error_message AS "errorMessage", c.regions, c.preset,
  (SELECT coalesce(json_agg(json_build_object('region', r.region, 'status', r.status, 'addresses', r.addresses,
      'errorCode', r.error_code, 'errorMessage', r.error_message, 'startedAt', r.started_at, 'finishedAt', r.finished_at)), '[]')
     FROM check_runs r WHERE r.check_id = c.id) AS runs,
  (SELECT coalesce(json_agg(json_build_object('region', x.region, 'port', x.port, 'family', x.family, 'address', x.address,
      'state', CASE x.state::text WHEN 'open|filtered' THEN 'open_filtered' ELSE x.state::text END, 'reason', x.reason,
      'latencyMs', x.latency_ms, 'errorCode', x.error_code, 'checkedAt', x.checked_at, 'tls', x.tls, 'banner', x.banner,
      'verified', x.verified)), '[]')
     FROM check_results x WHERE x.check_id = c.id) AS results
FROM checks c WHERE c.id = $1`;

type Dated<T, K extends keyof T> = Omit<T, K> & { [P in K]: string | null };
type CheckSqlRow = Omit<CheckRow, "runs" | "results"> & {
  runs: Dated<CheckRow["runs"][number], "startedAt" | "finishedAt">[];
  results: Dated<CheckRow["results"][number], "checkedAt">[];
};

const date = (value: string | null) => (value === null ? null : new Date(value));

async function findCheck(db: Db, id: string): Promise<CheckRow | null> {
  const { rows } = await sqlPool(db).query<CheckSqlRow>({ name: "check-by-id", text: CHECK_SQL, values: [id] });
  const row = rows[0];
  if (!row) return null;
  return {
    ...row,
    runs: row.runs.map((run) => ({ ...run, startedAt: date(run.startedAt), finishedAt: date(run.finishedAt) })),
    results: row.results.map((result) => ({ ...result, checkedAt: new Date(result.checkedAt!) })),
  };
}

/** The check, or null when the id is malformed or unknown. */
export async function getCheck(db: Db, id: string): Promise<CheckView | null> {
  if (!checkIdSchema.safeParse(id).success) return null;
  const check = await findCheck(db, id);
  return check ? checkView(check) : null;
}

/** The preset's facts about a port, on exposure scans only. */
function exposureOf(preset: string | null, port: number): Pick<CheckResultView, "exposure"> {
  const entry = preset === "exposure" ? exposureEntry(port) : undefined;
  return entry ? { exposure: { name: entry.name, risk: entry.risk, why: entry.why } } : {};
}

type Addresses = NonNullable<CheckView["addresses"]>;

function storedAddresses(value: unknown): Addresses | null {
  return Array.isArray(value) ? (value as Addresses) : null;
}

export function checkView(check: Omit<CheckRow, "verifyToken"> & { verifyToken?: string | null }): CheckView {
  const runs = check.regions.map((region) => check.runs.find((run) => run.region === region) ?? { region, status: check.status, addresses: check.addresses, errorCode: null, errorMessage: null, startedAt: null, finishedAt: null });
  const runAddresses = new Map(runs.map((run) => [run.region, storedAddresses(run.addresses)]));
  // Every address any region probed, once.
  const seen = new Set<string>();
  const allAddresses = runs.flatMap((run) => runAddresses.get(run.region) ?? []).filter((item) => !seen.has(item.address) && seen.add(item.address));
  const addresses = allAddresses.length ? allAddresses : storedAddresses(check.addresses);
  const stored = new Map(check.results.map((result) => [`${result.region}:${result.port}:${result.family}`, result]));
  const withOwnership = check.results.some((result) => result.verified !== null) || !!check.verifyToken;
  const results: CheckResultView[] = [];
  for (const port of [...check.ports].sort((a, b) => a - b)) {
    for (const run of runs) {
      const regionAddresses = runAddresses.get(run.region);
      // A region that failed before resolving shows one row per port, in its failure's words.
      const families: (4 | 6 | null)[] = regionAddresses?.length ? regionAddresses.map((address) => address.family) : [null];
      for (const family of families) {
      const row = family === null ? undefined : stored.get(`${run.region}:${port}:${family}`);
      const base = { port, region: run.region, protocol: check.protocol, family, service: ianaService(port, check.protocol), ...exposureOf(check.preset, port) };
      if (!row) {
        const address = regionAddresses?.find((item) => item.family === family)?.address ?? null;
        if (run.status === "failed") {
          results.push({ ...base, address, state: "error", reason: null, latencyMs: null, errorCode: run.errorCode, checkedAt: null, tls: null, banner: null, ownership: withOwnership ? { verified: false } : null });
          continue;
        }
        results.push({ ...base, address, state: "pending", reason: null, latencyMs: null, errorCode: null, checkedAt: null, tls: null, banner: null, ownership: withOwnership ? { verified: false } : null });
        continue;
      }
      results.push({
        ...base,
        address: row.address,
        state: apiState(row.state),
        reason: row.reason as CheckResultView["reason"],
        latencyMs: row.latencyMs,
        errorCode: row.errorCode,
        checkedAt: row.checkedAt.toISOString(),
        tls: (row.tls as CheckResultView["tls"]) ?? null,
        banner: (row.banner as CheckResultView["banner"]) ?? null,
        ownership: row.verified === null ? null : { verified: row.verified },
      });
      }
    }
  }
  return {
    id: check.id,
    status: check.status,
    host: check.host,
    protocol: check.protocol,
    family: familyChoice(check.family),
    tls: tlsChoice(check.tls),
    ports: check.ports,
    timeoutMs: check.timeoutMs,
    addresses,
    regions: runs.map((run) => ({
      region: run.region,
      status: run.status,
      addresses: runAddresses.get(run.region) ?? null,
      error: run.errorCode ? { code: run.errorCode, message: run.errorMessage ?? "" } : null,
      startedAt: run.startedAt?.toISOString() ?? null,
      finishedAt: run.finishedAt?.toISOString() ?? null,
    })),
    createdAt: check.createdAt.toISOString(),
    startedAt: check.startedAt?.toISOString() ?? null,
    finishedAt: check.finishedAt?.toISOString() ?? null,
    error: check.errorCode ? { code: check.errorCode, message: check.errorMessage ?? "" } : null,
    ownership: withOwnership ? { verified: results.some((result) => result.ownership?.verified) } : null,
    preset: check.preset === "exposure" ? "exposure" : null,
    results,
    links: checkLinks(check.id),
  };
}
