// /dashboard: the signed-in user's monitors at a glance: one line each with its state, the last 30 results
// as a heartbeat bar, uptime, latency and the last check; state changes are announced to screen readers.
import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { AutoRefresh } from "@/app/_components/auto-refresh";
import { VerifyEmailNotice } from "@/app/_components/verify-email-notice";
import { formatUptime, MonitorStateBadge } from "@/app/_components/monitor-state";
import { MonitorTransfer } from "@/app/_components/monitor-transfer";
import { HeartbeatBar } from "@/app/_components/heartbeat-bar";
import { MaintenanceNote } from "@/app/_components/maintenance-note";
import { RelativeTime } from "@/app/_components/relative-time";
import { StateAnnouncer } from "@/app/_components/state-announcer";
import { recentBeats } from "@/lib/monitors/recent-beats";
import { stateWord } from "@/lib/monitors/state-label";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listMonitors } from "@/lib/monitors/queries";

export const metadata: Metadata = { title: "Your monitors" };

export default async function DashboardPage() {
  const user = (await currentUser(await headers()))!;
  const { items: monitors } = await listMonitors(db(), user.id);
  const beats = await recentBeats(db(), monitors.map((monitor) => monitor.id), 30);
  return (
    <div>
      <AutoRefresh seconds={10} />
      <StateAnnouncer states={monitors.map((monitor) => ({ id: monitor.id, name: monitor.name, label: stateWord(monitor.expect, monitor.state) }))} />
      {!user.emailVerified && <VerifyEmailNotice email={user.email} />}
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-bold">Your monitors</h1>
        <Link href="/monitors/new" className="rounded-md bg-blue-600 px-4 py-2 font-semibold text-white hover:bg-blue-700 dark:bg-blue-500">
          Add monitor
        </Link>
      </div>
      {monitors.length === 0 ? (
        <p className="mt-6 text-slate-600 dark:text-slate-400">
          No monitors yet. A monitor checks one host and port on a schedule and tells you when it stops being reachable, or when a port that must stay closed opens.
        </p>
      ) : (
        <ul className="mt-6 divide-y divide-slate-200 rounded-md border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
          {monitors.map((monitor) => {
            const monitorBeats = beats.get(monitor.id) ?? [];
            const latest = monitorBeats.at(-1);
            return (
              <li key={monitor.id} className="grid gap-2 p-3 sm:grid-cols-[minmax(0,14rem)_minmax(0,1fr)_auto] sm:items-center sm:gap-4" data-testid="monitor-row">
                <div className="min-w-0">
                  <div className="flex flex-wrap items-center gap-2">
                    <Link href={`/monitors/${monitor.id}`} className="truncate font-medium text-blue-700 underline dark:text-blue-400">
                      {monitor.name}
                    </Link>
                    <MonitorStateBadge state={monitor.state} expect={monitor.expect} />
                    {monitor.maintenance && <MaintenanceNote until={monitor.maintenance.until} title={monitor.maintenance.title} />}
                  </div>
                  <p className="truncate font-mono text-xs text-slate-500 dark:text-slate-400">
                    {monitor.host}:{monitor.port} {monitor.protocol === "udp" ? "UDP" : ""} · {monitor.expect === "open" ? "must be open" : "must stay closed"}
                  </p>
                </div>
                <HeartbeatBar beats={monitorBeats} slots={30} expect={monitor.expect} />
                <dl className="flex flex-wrap gap-x-4 gap-y-1 text-sm sm:justify-end">
                  <div>
                    <dt className="sr-only">Uptime</dt>
                    <dd title="Uptime, last 24 hours (or since the monitor started)">{formatUptime(monitor.uptime["24h"])}</dd>
                  </div>
                  <div>
                    <dt className="sr-only">Latency</dt>
                    <dd>{latest?.latencyMs !== null && latest?.latencyMs !== undefined ? `${latest.latencyMs.toFixed(1)} ms` : "—"}</dd>
                  </div>
                  <div>
                    <dt className="sr-only">Last check</dt>
                    <dd className="text-slate-500 dark:text-slate-400">{monitor.lastCheckedAt ? <RelativeTime iso={monitor.lastCheckedAt} /> : "not yet"}</dd>
                  </div>
                </dl>
              </li>
            );
          })}
        </ul>
      )}
      <MonitorTransfer />
    </div>
  );
}
