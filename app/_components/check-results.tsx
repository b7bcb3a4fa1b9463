"use client";
// Live results of one check: polls the API until the check is done or failed, one row per port,
// a progress bar while it runs, and changes announced to screen readers.
import Link from "next/link";
import { useEffect, useState } from "react";
import type { CheckView, ResultState } from "@/lib/checks/get-check";
import { verdictText } from "@/lib/checks/verdicts";
import { verdictAdvice } from "@/lib/ports/advice";

const POLL_MS = 700;
const SLOW_POLL_MS = 3000;

const STYLE: Record<ResultState, { icon: string; classes: string }> = {
  pending: { icon: "…", classes: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300" },
  open: { icon: "✔", classes: "bg-green-100 text-green-800 dark:bg-green-950 dark:text-green-300" },
  closed: { icon: "✖", classes: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300" },
  filtered: { icon: "⛨", classes: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-300" },
  unreachable: { icon: "⚠", classes: "bg-orange-100 text-orange-900 dark:bg-orange-950 dark:text-orange-300" },
  error: { icon: "!", classes: "bg-purple-100 text-purple-900 dark:bg-purple-950 dark:text-purple-300" },
};

function finished(check: CheckView): boolean {
  return check.status === "done" || check.status === "failed";
}

export function CheckResults({ initial }: { initial: CheckView }) {
  const [check, setCheck] = useState(initial);
  const [pollError, setPollError] = useState<string | null>(null);

  useEffect(() => {
    setCheck(initial);
  }, [initial]);

  useEffect(() => {
    if (finished(check)) return;
    const started = Date.now();
    let timer: ReturnType<typeof setTimeout>;
    let cancelled = false;
    const poll = async () => {
      try {
        const response = await fetch(`/api/v1/checks/${encodeURIComponent(check.id)}`, { cache: "no-store" });
        if (!response.ok) throw new Error(`status ${response.status}`);
        const next = (await response.json()) as CheckView;
        if (cancelled) return;
        setPollError(null);
        setCheck(next);
        if (finished(next)) return;
      } catch {
        if (cancelled) return;
        setPollError("Lost contact with Portcheck; still trying…");
      }
      timer = setTimeout(poll, Date.now() - started > 60_000 ? SLOW_POLL_MS : POLL_MS);
    };
    timer = setTimeout(poll, POLL_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // Restart polling only when we switch to another check.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [check.id, finished(check)]);

  const total = check.results.length;
  const doneCount = check.results.filter((result) => result.state !== "pending").length;
  const percent = total === 0 ? 100 : Math.round((doneCount / total) * 100);

  return (
    <section aria-labelledby="results-heading" className="mt-8" data-testid="check-results" data-status={check.status}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="results-heading" className="text-xl font-semibold">
          Results for <span className="font-mono">{check.host}</span>
        </h2>
        <Link href={`/checks/${check.id}`} className="text-sm text-blue-700 underline underline-offset-2 dark:text-blue-400">
          Permalink to this check
        </Link>
      </div>

      {!finished(check) && (
        <div className="mt-3">
          <div
            role="progressbar"
            aria-label="Check progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            className="h-2 w-full overflow-hidden rounded bg-slate-200 dark:bg-slate-800"
          >
            <div className="h-full bg-blue-600 transition-all dark:bg-blue-400" style={{ width: `${Math.max(percent, 4)}%` }} />
          </div>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            {check.status === "queued" ? "Waiting for a worker…" : `Checked ${doneCount} of ${total} ports…`}
          </p>
        </div>
      )}

      <p aria-live="polite" className="sr-only">
        {finished(check) ? `Check ${check.status === "done" ? "finished" : "failed"}. ${summary(check)}` : `${doneCount} of ${total} ports checked.`}
      </p>

      {pollError && <p className="mt-2 text-sm text-amber-700 dark:text-amber-400">{pollError}</p>}

      {check.status === "failed" && check.error && (
        <div role="alert" className="mt-4 rounded-md border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
          <p className="font-semibold">The check could not be completed.</p>
          <p className="mt-1">{check.error.message}</p>
        </div>
      )}

      {check.status !== "failed" && (
        <ul className="mt-4 divide-y divide-slate-200 rounded-md border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
          {check.results.map((result) => {
            const text = verdictText(result.state);
            const style = STYLE[result.state];
            return (
              <li key={result.port} className="flex flex-col gap-2 p-4 sm:flex-row sm:items-start" data-testid={`result-${result.port}`} data-state={result.state}>
                <div className="flex min-w-40 items-center gap-3">
                  <Link href={`/ports/${result.port}`} className="font-mono text-lg font-semibold underline decoration-slate-300 underline-offset-4 hover:decoration-blue-600 dark:decoration-slate-600" title={`About port ${result.port}`}>
                    {result.port}
                  </Link>
                  <span className={`inline-flex items-center gap-1 rounded-full px-2.5 py-0.5 text-sm font-medium ${style.classes}`}>
                    <span aria-hidden="true">{style.icon}</span>
                    {text.label}
                  </span>
                </div>
                <div className="flex-1 text-sm">
                  <p className="text-slate-700 dark:text-slate-300">
                    {result.service ? (
                      <>
                        <span className="font-medium">{result.service.name}</span>
                        {result.service.description && result.service.description !== result.service.name && <> · {result.service.description}</>}
                      </>
                    ) : (
                      <span className="text-slate-500 dark:text-slate-400">No IANA-registered service</span>
                    )}
                    {result.latencyMs !== null && <span className="text-slate-500 dark:text-slate-400"> · {formatLatency(result.latencyMs)}</span>}
                    {result.errorCode && <span className="text-slate-500 dark:text-slate-400"> · {result.errorCode}</span>}
                  </p>
                  {result.state !== "pending" && (
                    <p className="mt-1 text-slate-600 dark:text-slate-400">{verdictAdvice(result.state, result.port)}</p>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function summary(check: CheckView): string {
  return check.results.map((result) => `Port ${result.port}: ${verdictText(result.state).label}.`).join(" ");
}

function formatLatency(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}
