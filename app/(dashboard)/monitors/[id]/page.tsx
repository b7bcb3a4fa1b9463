// /monitors/{id}: one monitor at a glance: its state as a banner, the last 90 results as a heartbeat bar,
// uptime clipped to its age, latency, outages, each region's vote, results (collapsed, CSV) and the alert log.
import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AutoRefresh } from "@/app/_components/auto-refresh";
import { LatencyChart } from "@/app/_components/latency-chart";
import { latencySeries } from "@/lib/monitors/latency-series";
import { MonitorControls } from "@/app/_components/monitor-controls";
import { formatUptime, MonitorStateBadge } from "@/app/_components/monitor-state";
import { BannerDetails, TlsDetails } from "@/app/_components/result-details";
import { rowClass, Table } from "@/app/_components/table";
import type { CheckResultView } from "@/lib/checks/check-view";
import { currentUser } from "@/lib/auth/session";
import { stateText } from "@/lib/probes/verdict-states";
import { BadgeSnippets } from "@/app/_components/badge-snippets";
import { HeartbeatBar } from "@/app/_components/heartbeat-bar";
import { MaintenanceNote } from "@/app/_components/maintenance-note";
import { env } from "@/lib/env";
import { RelativeTime } from "@/app/_components/relative-time";
import { StateAnnouncer } from "@/app/_components/state-announcer";
import { recentBeats } from "@/lib/monitors/recent-beats";
import { formatDuration, stateWord } from "@/lib/monitors/state-label";
import { uptimeWindows } from "@/lib/monitors/uptime";
import { channelChoices } from "@/lib/channels/channel-choices";
import { db } from "@/lib/db";
import { getMonitor, listDeliveries, listIncidents, listResults } from "@/lib/monitors/queries";

export const metadata: Metadata = { title: "Monitor" };

const PAGE_SIZE = 50;
const RESULTS_CSV_LIMIT = 10_000;

/** The state in one line: "Down since 4 min ago" (exact time on hover). */
function StateBanner({ state, expect, since }: { state: "pending" | "up" | "degraded" | "down" | "paused"; expect: "open" | "closed"; since: string | null }) {
  const tone = state === "up" ? "border-green-300 bg-green-50 text-green-900 dark:border-green-800 dark:bg-green-950 dark:text-green-200" : state === "down" ? "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200" : state === "degraded" ? "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200" : "border-slate-300 bg-slate-50 text-slate-800 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200";
  return (
    <p className={`rounded-md border p-3 text-lg font-semibold ${tone}`} data-testid="state-banner" data-state={state}>
      {state === "pending" ? "Waiting for the first results" : stateWord(expect, state)}
      {since && state !== "pending" && (
        <span className="font-normal">
          {" "}since <RelativeTime iso={since} />
        </span>
      )}
    </p>
  );
}

export default async function MonitorPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ cursor?: string }> }) {
  const [{ id }, { cursor }] = await Promise.all([params, searchParams]);
  const user = (await currentUser(await headers()))!;
  const monitor = await getMonitor(db(), user.id, id);
  if (!monitor) notFound();
  const validCursor = cursor && /^\d{1,18}$/.test(cursor) ? cursor : undefined;
  const maintenance = monitor.maintenance;
  const [beats, page, day, { items: incidents }, { items: deliveries }, channels] = await Promise.all([
    recentBeats(db(), [id], 90).then((found) => found.get(id) ?? []),
    listResults(db(), id, { cursor: validCursor, limit: PAGE_SIZE }),
    listResults(db(), id, { limit: 2000, since: new Date(Date.now() - 24 * 3600_000) }),
    listIncidents(db(), id, { limit: 50 }),
    listDeliveries(db(), id, { limit: 20 }),
    channelChoices(db(), user.id),
  ]);
  const chart = latencySeries(day.results, incidents, new Date(Date.now() - 24 * 3600_000));
  const attached = channels.filter((channel) => monitor.channelIds.includes(channel.id));
  const latestFacts = (page.results[0]?.detail ?? null) as { banner?: CheckResultView["banner"]; tls?: CheckResultView["tls"] } | null;
  const outages = incidents.filter((incident) => incident.state !== "up");
  const refused = day.results.filter((result) => result.state === "closed").length;
  const filtered = day.results.filter((result) => result.state === "filtered").length;

  return (
    <article className="space-y-8">
      <AutoRefresh seconds={Math.min(10, Math.max(2, monitor.intervalSeconds))} />
      <StateAnnouncer states={[{ id: monitor.id, name: monitor.name, label: stateWord(monitor.expect, monitor.state) }]} />
      <header className="space-y-3">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold">{monitor.name}</h1>
          <MonitorStateBadge state={monitor.state} expect={monitor.expect} />
          {maintenance && <MaintenanceNote until={maintenance.until} title={maintenance.title} />}
        </div>
        {maintenance && (
          <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="maintenance-explained">
            Maintenance window <Link href="/maintenance" className="text-blue-700 underline dark:text-blue-400">{maintenance.title}</Link>: results are still recorded (blue in the bar below), but no incident opens and no alert is sent. If the port is still down when the window ends, the next check opens the incident and alerts as usual.
          </p>
        )}
        <p className="text-slate-700 dark:text-slate-300">
          <span className="font-mono">
            {monitor.host}:{monitor.port}
          </span>{" "}
          {monitor.protocol === "udp" ? " (UDP)" : ""} must be {monitor.expect === "open" ? "reachable (open)" : "closed to the internet"}
          {monitor.family !== "both" ? ` over IPv${monitor.family}` : ""}; checked every {monitor.intervalSeconds} s, timeout {monitor.timeoutMs} ms, state changes after{" "}
          {monitor.confirmations} agreeing results.
          {monitor.degradedLatencyMs !== null && <> Slower than {monitor.degradedLatencyMs} ms counts as slow.</>}
          {monitor.send && <> Sends <code className="font-mono">{monitor.send}</code>.</>}
          {monitor.expectReply && <> The reply must contain <code className="font-mono">{monitor.expectReply}</code>.</>}
          {monitor.certExpiryDays !== null && <> Warns {monitor.certExpiryDays} days before the certificate expires.</>}
          {monitor.lastCheckedAt && (
            <>
              {" "}Last checked <RelativeTime iso={monitor.lastCheckedAt} />.
            </>
          )}
        </p>
        <StateBanner state={monitor.state} expect={monitor.expect} since={monitor.stateChangedAt} />
        <HeartbeatBar beats={beats} expect={monitor.expect} />
        <div className="flex flex-wrap items-center gap-3">
          <MonitorControls id={monitor.id} paused={monitor.paused} />
          <Link href={`/monitors/${monitor.id}/edit`} className="rounded-md border border-slate-300 px-4 py-2 font-medium hover:border-slate-500 dark:border-slate-700">
            Edit
          </Link>
        </div>
        {latestFacts && (latestFacts.banner || latestFacts.tls) && (
          <div className="rounded-md border border-slate-200 p-3 text-sm dark:border-slate-800" data-testid="latest-facts">
            {latestFacts.banner && <BannerDetails banner={latestFacts.banner} />}
            {latestFacts.tls && <TlsDetails tls={latestFacts.tls} />}
          </div>
        )}
      </header>

      {monitor.regions.length > 1 && (
        <section aria-labelledby="regions">
          <h2 id="regions" className="text-xl font-semibold">Regions</h2>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            The state changes when {monitor.quorum === null ? "a majority of the voting regions" : `${monitor.quorum} voting regions`} agree. A region with no live worker, or no result for two intervals, does not vote.
          </p>
          <ul className="mt-2 grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
            {monitor.regionStates.map((item) => (
              <li key={item.region} className="rounded-md border border-slate-200 p-3 text-sm dark:border-slate-800" data-testid="region-state" data-region={item.region} data-state={item.state}>
                <div className="flex items-center justify-between gap-2">
                  <span className="font-mono font-semibold">{item.region}</span>
                  <MonitorStateBadge state={item.state} expect={monitor.expect} testId="region-monitor-state" />
                </div>
                {item.cause && <p className="mt-1 text-slate-600 dark:text-slate-400">{item.cause}</p>}
                <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">{item.lastCheckedAt ? <RelativeTime iso={item.lastCheckedAt} prefix="Last result " /> : "No result yet"}</p>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="uptime">
        <h2 id="uptime" className="text-xl font-semibold">Uptime</h2>
        <dl className="mt-2 grid grid-cols-3 gap-4" data-testid="uptime">
          {uptimeWindows(monitor.uptime, monitor.knownSince ? new Date(monitor.knownSince) : null).map((figure) => (
            <div key={figure.window} className="rounded-md border border-slate-200 p-3 dark:border-slate-800">
              <dt className="text-sm text-slate-600 dark:text-slate-400">{figure.window === "since" ? <RelativeTime iso={figure.since!.toISOString()} prefix="since " /> : figure.window.replace("h", " h").replace("d", " d")}</dt>
              <dd className="text-xl font-semibold">{formatUptime(figure.percent)}</dd>
            </div>
          ))}
        </dl>
        {monitor.expect === "closed" && (
          <p className="mt-2 text-sm">
            In the last 24 hours: refused (closed, the host answered) {refused} times, filtered (no answer) {filtered} times. Both keep the port shut.
          </p>
        )}
      </section>

      <section aria-labelledby="latency">
        <h2 id="latency" className="text-xl font-semibold">Latency, last 24 hours</h2>
        <LatencyChart {...chart} outageWord={monitor.expect === "closed" ? "Exposure" : "Outage"} />
      </section>

      <section aria-labelledby="incidents">
        <h2 id="incidents" className="text-xl font-semibold">{monitor.expect === "closed" ? "Exposures" : "Outages"}</h2>
        {outages.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">None{monitor.knownSince ? " so far" : " yet"}.</p>
        ) : (
          <Table columns={["What", "Began", "Ended", "Lasted"]}>
              {outages.map((incident) => (
                <tr key={incident.id} className={rowClass} data-testid="incident">
                  <td className="py-1 pr-3">{incident.state === "down" ? `${monitor.expect === "closed" ? "Exposed" : "Down"} (${incident.cause})` : `Slow (${incident.cause})`}</td>
                  <td className="py-1 pr-3"><RelativeTime iso={incident.startedAt} /></td>
                  <td className="py-1 pr-3">{incident.endedAt ? <RelativeTime iso={incident.endedAt} /> : <strong>ongoing</strong>}</td>
                  <td className="py-1">{formatDuration(incident.durationSeconds)}</td>
                </tr>
              ))}
            </Table>
        )}
      </section>

      <section aria-labelledby="results">
        <h2 id="results" className="text-xl font-semibold">Results</h2>
        <p className="mt-1 text-sm">
          <a href={`/monitors/${monitor.id}/results.csv`} className="text-blue-700 underline dark:text-blue-400" download>
            Download the last {RESULTS_CSV_LIMIT.toLocaleString("en")} results as CSV
          </a>
        </p>
        <details className="mt-2" open={validCursor !== undefined}>
          <summary className="cursor-pointer text-sm font-medium">Show the latest {page.results.length} results</summary>
        <Table columns={monitor.regions.length > 1 ? ["Checked", "Region", "Verdict", "Latency", "Address"] : ["Checked", "Verdict", "Latency", "Address"]}>
            {page.results.map((result) => (
              <tr key={result.id} className={rowClass} data-testid="result-row">
                <td className="py-1 pr-3"><RelativeTime iso={result.checkedAt} /></td>
                {monitor.regions.length > 1 && <td className="py-1 pr-3 font-mono">{result.region}</td>}
                <td className={`py-1 pr-3 ${result.observation === "up" ? "text-green-700 dark:text-green-400" : result.observation === "degraded" ? "text-amber-700 dark:text-amber-400" : "text-red-700 dark:text-red-400"}`}>
                  {stateText(result.state).label}
                  {result.reason ? ` · ${result.reason}` : ""}
                  {result.errorCode ? ` (${result.errorCode})` : ""}
                  {result.observation === "degraded" ? " · slow" : ""}
                  {result.maintenance && <span className="text-blue-700 dark:text-blue-400"> · maintenance</span>}
                </td>
                <td className="py-1 pr-3">{result.latencyMs === null ? "—" : `${result.latencyMs.toFixed(1)} ms`}</td>
                <td className="py-1 font-mono">{result.address ?? "—"}</td>
              </tr>
            ))}
          </Table>
        <p className="mt-2 flex gap-4 text-sm">
          {validCursor && <Link href={`/monitors/${id}`} className="text-blue-700 underline dark:text-blue-400">Newest</Link>}
          {page.nextCursor && <Link href={`/monitors/${id}?cursor=${page.nextCursor}`} className="text-blue-700 underline dark:text-blue-400">Older results →</Link>}
        </p>
        </details>
      </section>

      <BadgeSnippets baseUrl={env().APP_URL} monitorId={monitor.id} />

      <section aria-labelledby="deliveries">
        <h2 id="deliveries" className="text-xl font-semibold">Alert deliveries</h2>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400" data-testid="alert-channels">
          Alerts go to {[monitor.emailAlerts ? "your e-mail" : null, monitor.webhookUrl ? "the webhook" : null, ...attached.map((channel) => `${channel.name} (${channel.kindLabel})`)].filter(Boolean).join(", ") || "nowhere yet"}.{" "}
          <Link href="/channels" className="text-blue-700 underline dark:text-blue-400">Channels</Link>
        </p>
        {deliveries.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">No alert sent yet.</p>
        ) : (
          <ul className="mt-2 space-y-1 text-sm">
            {deliveries.map((delivery) => (
              <li key={delivery.id} data-testid="delivery">
                <RelativeTime iso={delivery.createdAt} />: {delivery.event} by {delivery.channel} to <span className="font-mono">{delivery.target}</span>: <strong>{delivery.status}</strong>
                {delivery.responseStatus ? ` (HTTP ${delivery.responseStatus})` : ""}
                {delivery.error && delivery.status !== "delivered" ? `: ${delivery.error}` : ""} after {delivery.attempts} attempt{delivery.attempts === 1 ? "" : "s"}
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}
