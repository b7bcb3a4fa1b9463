// One port of a check: its service, a cell per region and address family (verdict, reason, latency), what answered,
// the TLS certificate and advice tailored to the port.
import Link from "next/link";
import type { CheckResultView } from "@/lib/checks/check-view";
import { verdictAdvice } from "@/lib/ports/advice";
import { REASON_TEXT, stateText } from "@/lib/probes/verdict-states";
import { BannerDetails, TlsDetails } from "./result-details";
import { VerdictBadge } from "./verdict-badge";

export function formatLatency(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

/** The most telling result of a port: an answer beats silence, silence beats an error. */
const RANK = { open: 0, closed: 1, filtered: 2, "open|filtered": 3, error: 4, pending: 5 } as const;

/** The monitor form, prefilled with this port. */
export function monitorThisPortHref(host: string, port: number, protocol: "tcp" | "udp", expect: "open" | "closed" = "open"): string {
  return `/monitors/new?${new URLSearchParams({ host, port: String(port), protocol, ...(expect === "closed" ? { expect } : {}) })}`;
}

const RISK_CLASSES = {
  critical: "bg-red-700 text-white dark:bg-red-500 dark:text-slate-950",
  high: "bg-orange-600 text-white dark:bg-orange-400 dark:text-slate-950",
  medium: "bg-amber-200 text-amber-950 dark:bg-amber-300 dark:text-slate-950",
  low: "bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100",
} as const;

export function RiskBadge({ risk }: { risk: keyof typeof RISK_CLASSES }) {
  return <span className={`rounded px-1.5 py-0.5 text-xs font-semibold uppercase tracking-wide ${RISK_CLASSES[risk]}`}>{risk} risk</span>;
}

export function ResultRow({ host, port, results, dualStack, regional = false }: { host: string; port: number; results: CheckResultView[]; dualStack: boolean; regional?: boolean }) {
  const first = results[0]!;
  const best = [...results].sort((a, b) => RANK[a.state] - RANK[b.state])[0]!;
  const detailed = results.find((result) => result.banner || result.tls);
  const pending = results.every((result) => result.state === "pending");
  return (
    <li className="p-4" data-testid={`result-${port}`} data-state={best.state}>
      <div className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
        <Link href={`/ports/${port}`} className="font-mono text-lg font-semibold underline decoration-slate-300 underline-offset-4 hover:decoration-blue-600 dark:decoration-slate-600" title={`About port ${port}`}>
          {port}
        </Link>
        <span className="text-sm text-slate-600 dark:text-slate-400">
          {first.service ? (
            <>
              <span className="font-medium text-slate-800 dark:text-slate-200">{first.service.name}</span>
              {first.service.description && first.service.description !== first.service.name && <> · {first.service.description}</>}
            </>
          ) : pending ? (
            "checking…"
          ) : (
            `no IANA-registered ${first.protocol.toUpperCase()} service`
          )}
        </span>
        {first.exposure && best.state === "open" && <RiskBadge risk={first.exposure.risk} />}
      </div>
      <div className={`mt-2 grid gap-2 ${results.length > 2 ? "sm:grid-cols-2 lg:grid-cols-3" : results.length > 1 ? "sm:grid-cols-2" : ""}`}>
        {results.map((result) => (
          <div
            key={`${result.region}-${result.family}`}
            className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm"
            data-testid={regional ? `result-${port}-${result.region}-v${result.family ?? "x"}` : `result-${port}-v${result.family ?? "x"}`}
            data-region={result.region}
            data-state={result.state}
            data-reason={result.reason ?? ""}
          >
            {(regional || dualStack) && (
              <span className="min-w-10 font-mono text-xs text-slate-500 dark:text-slate-400">
                {regional && result.region}
                {regional && dualStack && " · "}
                {dualStack && `IPv${result.family}`}
              </span>
            )}
            <VerdictBadge state={result.state} />
            {result.reason && (
              <abbr title={REASON_TEXT[result.reason]} className="font-mono text-xs text-slate-600 no-underline dark:text-slate-400">
                {result.reason}
              </abbr>
            )}
            {result.latencyMs !== null && <span className="text-slate-500 dark:text-slate-400">{formatLatency(result.latencyMs)}</span>}
            {result.errorCode && result.state !== "pending" && <span className="font-mono text-xs text-slate-500 dark:text-slate-400">{result.errorCode}</span>}
            {result.ownership?.verified && <span className="rounded bg-green-600 px-1.5 py-0.5 text-xs font-semibold text-white">your machine</span>}
          </div>
        ))}
      </div>
      <div className="text-sm">
        {detailed?.banner && <BannerDetails banner={detailed.banner} />}
        {detailed?.tls && <TlsDetails tls={detailed.tls} />}
        {first.exposure && best.state === "open" && (
          <p className="mt-2 font-medium text-slate-800 dark:text-slate-200" data-testid={`exposure-${port}`}>
            Usually {first.exposure.name}. {first.exposure.why}
          </p>
        )}
        {!pending && (
          <p className="mt-2 text-slate-600 dark:text-slate-400">
            {best.state === "pending" ? stateText("pending").meaning : verdictAdvice(best.state, port, { reason: best.reason, protocol: best.protocol })}
          </p>
        )}
        {!pending && (
          <p className="mt-2">
            <Link href={monitorThisPortHref(host, port, first.protocol, first.exposure ? "closed" : "open")} className="text-blue-700 underline underline-offset-2 dark:text-blue-400" data-testid={`monitor-${port}`}>
              {first.exposure ? "Watch that it stays closed" : "Monitor this port"}
            </Link>
          </p>
        )}
      </div>
    </li>
  );
}
