// An exposure scan's results: a sentence on what is open, the open ports worst first (critical risk
// before low, then by port), and every other port folded away.
import { RISK_ORDER } from "@/lib/exposure/exposure-preset";
import type { CheckResultView, CheckView } from "@/lib/checks/check-view";
import { ResultRow } from "./result-row";

function riskOf(results: CheckResultView[]): number {
  const risk = results[0]?.exposure?.risk;
  return risk ? RISK_ORDER[risk] : 9;
}

export function exposureSummary(check: CheckView, byPort: Map<number, CheckResultView[]>): string {
  const open = [...byPort.values()].filter((results) => results.some((result) => result.state === "open"));
  const finished = check.status === "done" || check.status === "failed";
  if (open.length === 0) return finished ? `None of the ${byPort.size} ports is open on your address. Nothing here can be reached from the internet.` : "Nothing open so far…";
  const counts = (["critical", "high", "medium", "low"] as const)
    .map((risk) => [risk, open.filter((results) => results[0]?.exposure?.risk === risk).length] as const)
    .filter(([, count]) => count > 0)
    .map(([risk, count]) => `${count} ${risk}`);
  return `${open.length} of ${byPort.size} ports ${open.length === 1 ? "is" : "are"} open on your address (${counts.join(", ")} risk)${finished ? "" : " so far"}.`;
}

export function ExposureReport({ check, byPort, dualStack, regional }: { check: CheckView; byPort: Map<number, CheckResultView[]>; dualStack: boolean; regional: boolean }) {
  const entries = [...byPort.entries()];
  const open = entries.filter(([, results]) => results.some((result) => result.state === "open")).sort(([a, ra], [b, rb]) => riskOf(ra) - riskOf(rb) || a - b);
  const rest = entries.filter(([, results]) => !results.some((result) => result.state === "open"));
  return (
    <div className="mt-4" data-testid="exposure-report">
      <p className="font-medium" data-testid="exposure-summary">{exposureSummary(check, byPort)}</p>
      {open.length > 0 && (
        <ul className="mt-3 divide-y divide-slate-200 rounded-md border border-red-300 dark:divide-slate-800 dark:border-red-900" data-testid="exposure-open">
          {open.map(([port, results]) => (
            <ResultRow key={port} host={check.host} port={port} results={results} dualStack={dualStack} regional={regional} />
          ))}
        </ul>
      )}
      <details className="mt-4">
        <summary className="cursor-pointer text-sm font-medium">The other {rest.length} ports (closed, filtered or still being checked)</summary>
        <ul className="mt-2 divide-y divide-slate-200 rounded-md border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
          {rest.map(([port, results]) => (
            <ResultRow key={port} host={check.host} port={port} results={results} dualStack={dualStack} regional={regional} />
          ))}
        </ul>
      </details>
    </div>
  );
}
