"use client";
// Live results of one check: follows its event stream (falling back to polling) until it is done or
// failed, one row per port, a progress bar while it runs, and changes announced to screen readers.
import Link from "next/link";
import { useEffect, useState } from "react";
import type { CheckResultView, CheckView } from "@/lib/checks/check-view";
import { stateText } from "@/lib/probes/verdict-states";
import { ExposureReport } from "./exposure-report";
import { ResultRow } from "./result-row";

const POLL_MS = 700;
const SLOW_POLL_MS = 3000;

function finished(check: CheckView): boolean {
  return check.status === "done" || check.status === "failed";
}

/** The check with one more verdict: it replaces that port's pending row of its region and family (or of the unresolved host). */
function withResult(check: CheckView, result: CheckResultView): CheckView {
  const order = new Map(check.regions.map((run, index) => [run.region, index]));
  const others = check.results.filter((item) => !(item.port === result.port && item.region === result.region && (item.family === result.family || item.family === null)));
  const results = [...others, result].sort((a, b) => a.port - b.port || (order.get(a.region) ?? 0) - (order.get(b.region) ?? 0) || (a.family ?? 0) - (b.family ?? 0));
  return { ...check, status: "running", results };
}

/** The same question again: the check's host, ports and options. */
function againBody(check: CheckView) {
  return {
    host: check.host,
    ports: check.ports,
    protocol: check.protocol,
    ...(check.family !== "both" ? { family: check.family } : {}),
    ...(check.protocol === "tcp" && check.tls !== "auto" ? { tls: check.tls } : {}),
    regions: check.regions.map((run) => run.region),
    timeoutMs: check.timeoutMs,
  };
}

export function CheckResults({ initial }: { initial: CheckView }) {
  const [check, setCheck] = useState(initial);
  const [pollError, setPollError] = useState<string | null>(null);
  const [againError, setAgainError] = useState<string | null>(null);
  const [againBusy, setAgainBusy] = useState(false);

  async function checkAgain() {
    setAgainBusy(true);
    setAgainError(null);
    try {
      const response =
        check.preset === "exposure"
          ? await fetch("/api/v1/exposure-scans", { method: "POST" })
          : await fetch("/api/v1/checks", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(againBody(check)) });
      const body = (await response.json().catch(() => ({}))) as CheckView & { detail?: string };
      if (!response.ok) setAgainError(body.detail ?? "The check could not be started again.");
      else setCheck(body);
    } catch {
      setAgainError("Portcheck could not be reached. Check your connection and try again.");
    } finally {
      setAgainBusy(false);
    }
  }

  useEffect(() => {
    setCheck(initial);
  }, [initial]);

  useEffect(() => {
    if (finished(check)) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let source: EventSource | null = null;
    const started = Date.now();
    // Polling: the fallback when the event stream is not available.
    const poll = async () => {
      try {
        const response = await fetch(`/api/v1/checks/${encodeURIComponent(check.id)}?wait=10`, { cache: "no-store" });
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
    if (typeof EventSource === "undefined") {
      timer = setTimeout(poll, POLL_MS);
    } else {
      // Live: a verdict shows the moment it exists.
      source = new EventSource(`/api/v1/checks/${encodeURIComponent(check.id)}/events`);
      source.addEventListener("result", (event) => {
        const result = JSON.parse((event as MessageEvent<string>).data) as CheckResultView;
        setPollError(null);
        setCheck((current) => withResult(current, result));
      });
      source.addEventListener("done", (event) => {
        source?.close();
        setCheck(JSON.parse((event as MessageEvent<string>).data) as CheckView);
      });
      source.addEventListener("error", () => {
        source?.close();
        if (!cancelled) timer = setTimeout(poll, POLL_MS);
      });
    }
    return () => {
      cancelled = true;
      source?.close();
      clearTimeout(timer);
    };
    // Restart only when we switch to another check.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [check.id, finished(check)]);

  const total = check.results.length;
  const doneCount = check.results.filter((result) => result.state !== "pending").length;
  const percent = total === 0 ? 100 : Math.round((doneCount / total) * 100);
  const byPort = new Map<number, CheckResultView[]>();
  for (const result of check.results) byPort.set(result.port, [...(byPort.get(result.port) ?? []), result]);
  const dualStack = check.regions.some((run) => (run.addresses?.length ?? 0) > 1);
  const regional = check.regions.length > 1;
  const failedRegions = check.status !== "failed" ? check.regions.filter((run) => run.status === "failed" && run.error) : [];
  const protocol = check.protocol.toUpperCase();

  return (
    <section aria-labelledby="results-heading" className="mt-8" data-testid="check-results" data-status={check.status}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="results-heading" className="text-xl font-semibold">
          {check.preset === "exposure" ? "Exposure scan of" : `${protocol} results for`} <span className="font-mono break-all">{check.host}</span>
        </h2>
        <div className="flex flex-wrap items-center gap-3 text-sm">
          {finished(check) && (
            <button type="button" onClick={checkAgain} disabled={againBusy} className="rounded-md border border-slate-300 px-3 py-1 font-medium hover:border-blue-600 disabled:opacity-60 dark:border-slate-700">
              {againBusy ? "Starting…" : check.preset === "exposure" ? "Scan again" : "Check again"}
            </button>
          )}
          <Link href={`/checks/${check.id}`} className="text-blue-700 underline underline-offset-2 dark:text-blue-400">
            Permalink to this check
          </Link>
        </div>
      </div>
      {againError && (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
          {againError}
        </p>
      )}
      {check.addresses && (
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400" data-testid="addresses">
          Probed over {protocol} at{" "}
          {check.addresses.map((address, index) => (
            <span key={address.address}>
              {index > 0 && " and "}
              <span className="font-mono">{address.address}</span> (IPv{address.family})
            </span>
          ))}
          .
        </p>
      )}
      {check.protocol === "udp" && (
        <p className="mt-2 rounded-md bg-sky-50 p-3 text-sm text-sky-900 dark:bg-sky-950 dark:text-sky-200">
          UDP has no handshake: a port is <strong>open</strong> only when something replies and <strong>closed</strong> only when the host says so (ICMP port unreachable). Silence is <strong>open or filtered</strong>: it proves nothing either way.
        </p>
      )}
      {check.ownership && finished(check) && (
        <p
          role="status"
          data-testid="ownership"
          data-verified={check.ownership.verified}
          className={`mt-3 rounded-md p-3 text-sm ${check.ownership.verified ? "bg-green-50 text-green-900 dark:bg-green-950 dark:text-green-200" : "bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-200"}`}
        >
          {check.ownership.verified
            ? "Verified: the port answered with your token, so it reaches the machine where you started the listener."
            : "Not verified: no port answered with your token. The listener was not running, or the port leads to another device (an old forwarding rule on the router, say)."}
        </p>
      )}

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
            {check.status === "queued" ? "Waiting for a worker…" : `Checked ${doneCount} of ${total}…`}
          </p>
        </div>
      )}

      <p aria-live="polite" className="sr-only">
        {finished(check) ? `Check ${check.status === "done" ? "finished" : "failed"}. ${summary(check)}` : `${doneCount} of ${total} checked.`}
      </p>

      {pollError && <p className="mt-2 text-sm text-amber-700 dark:text-amber-400">{pollError}</p>}

      {check.status === "failed" && check.error && (
        <div role="alert" className="mt-4 rounded-md border border-red-300 bg-red-50 p-4 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
          <p className="font-semibold">The check could not be completed.</p>
          <p className="mt-1">{check.error.message}</p>
        </div>
      )}

      {failedRegions.length > 0 && (
        <ul className="mt-4 space-y-1 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200" data-testid="failed-regions">
          {failedRegions.map((run) => (
            <li key={run.region}>
              <span className="font-mono font-semibold">{run.region}</span>: {run.error!.message}
            </li>
          ))}
        </ul>
      )}

      {check.status !== "failed" && check.preset === "exposure" && <ExposureReport check={check} byPort={byPort} dualStack={dualStack} regional={regional} />}

      {check.status !== "failed" && check.preset !== "exposure" && (
        <ul className="mt-4 divide-y divide-slate-200 rounded-md border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
          {[...byPort.entries()].map(([port, results]) => (
            <ResultRow key={port} host={check.host} port={port} results={results} dualStack={dualStack} regional={regional} />
          ))}
        </ul>
      )}
    </section>
  );
}

function summary(check: CheckView): string {
  const regional = check.regions.length > 1;
  return check.results.map((result) => `Port ${result.port}${regional ? ` from ${result.region}` : ""}${result.family ? ` over IPv${result.family}` : ""}: ${stateText(result.state).label}.`).join(" ");
}
