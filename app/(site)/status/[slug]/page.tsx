// /status/{slug}: a public status page, server-rendered, no login: the monitors its owner chose, each with
// its state and 90 days of daily uptime, and current and past incidents. Reveals only what the owner chose.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { db } from "@/lib/db";
import { formatDuration, type StateLabel } from "@/lib/monitors/state-label";
import { type PublicMonitor, publicStatus } from "@/lib/status-pages/public-status";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ slug: string }> };

const OVERALL = {
  operational: { text: "All systems operational", tone: "border-green-300 bg-green-50 text-green-900 dark:border-green-800 dark:bg-green-950 dark:text-green-200" },
  degraded: { text: "Some services are slow", tone: "border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200" },
  outage: { text: "Some services are down", tone: "border-red-300 bg-red-50 text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200" },
  maintenance: { text: "Maintenance in progress", tone: "border-blue-300 bg-blue-50 text-blue-900 dark:border-blue-800 dark:bg-blue-950 dark:text-blue-200" },
  unknown: { text: "Status not known yet", tone: "border-slate-300 bg-slate-50 text-slate-800 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200" },
} as const;

const LABEL_TONE: Record<StateLabel, string> = {
  UP: "text-green-700 dark:text-green-400",
  SLOW: "text-amber-700 dark:text-amber-400",
  DOWN: "text-red-700 dark:text-red-400",
  EXPOSED: "text-red-700 dark:text-red-400",
  PENDING: "text-slate-600 dark:text-slate-400",
  PAUSED: "text-slate-600 dark:text-slate-400",
};

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const status = await publicStatus(db(), (await params).slug);
  if (!status) return { title: "Status page not found" };
  return {
    title: `${status.title}: status`,
    description: `${OVERALL[status.overall].text}. Uptime of ${status.monitors.length} services over 90 days.`,
    alternates: { types: { "application/atom+xml": `/status/${status.slug}/feed.xml` } },
  };
}

function dayColour(percent: number | null): string {
  if (percent === null) return "bg-slate-200 dark:bg-slate-800";
  if (percent >= 99.9) return "bg-green-500 dark:bg-green-400";
  if (percent >= 95) return "bg-amber-400 dark:bg-amber-300";
  return "bg-red-600 dark:bg-red-400";
}

function UptimeDays({ monitor }: { monitor: PublicMonitor }) {
  const known = monitor.days.filter((day) => day.percent !== null);
  const average = known.length ? known.reduce((sum, day) => sum + day.percent!, 0) / known.length : null;
  return (
    <div>
      <div role="img" aria-label={average === null ? "No data yet" : `Average daily uptime over ${known.length} days: ${average.toFixed(2)}%`} className="flex h-8 gap-px" data-testid="uptime-days">
        {monitor.days.map((day) => (
          <span key={day.date} title={`${day.date}: ${day.percent === null ? "no data" : `${day.percent}% up`}`} className={`min-w-0 flex-1 rounded-sm ${dayColour(day.percent)}`} />
        ))}
      </div>
      <div className="mt-1 flex justify-between text-xs text-slate-500 dark:text-slate-400">
        <span>90 days ago</span>
        <span>{average === null ? "no data" : `${average.toFixed(2)}% uptime`}</span>
        <span>today</span>
      </div>
    </div>
  );
}

export default async function PublicStatusPage({ params }: Params) {
  const status = await publicStatus(db(), (await params).slug);
  if (!status) notFound();
  const overall = OVERALL[status.overall];
  return (
    <article className="space-y-8" data-testid="status-page">
      <header className="space-y-3">
        <h1 className="text-3xl font-bold">{status.title}</h1>
        <p className={`rounded-md border p-4 text-lg font-semibold ${overall.tone}`} data-testid="overall" data-overall={status.overall}>
          {overall.text}
        </p>
      </header>

      {status.current.length > 0 && (
        <section aria-labelledby="current">
          <h2 id="current" className="text-xl font-semibold">Now</h2>
          <ul className="mt-2 space-y-1">
            {status.current.map((incident) => (
              <li key={incident.id} data-testid="current-incident">
                <strong className={LABEL_TONE[incident.label]}>{incident.label.toLowerCase()}</strong>: {incident.monitorName}, for {formatDuration(incident.durationSeconds)} (since {incident.startedAt.replace("T", " ").slice(0, 16)} UTC)
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="services" className="space-y-6">
        <h2 id="services" className="sr-only">Services</h2>
        {status.monitors.map((monitor) => (
          <div key={monitor.id} data-testid="status-monitor">
            <div className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
              <h3 className="font-semibold">
                {monitor.name}
                {monitor.target && <span className="ml-2 font-mono text-sm font-normal text-slate-500 dark:text-slate-400">{monitor.target}</span>}
              </h3>
              {monitor.maintenance ? (
                <span className="text-sm font-semibold text-blue-700 dark:text-blue-400" data-testid="monitor-maintenance" title={`until ${monitor.maintenance.until.replace("T", " ").slice(0, 16)} UTC`}>
                  maintenance <span className="font-normal">until {monitor.maintenance.until.replace("T", " ").slice(0, 16)} UTC</span>
                </span>
              ) : (
                <span className={`text-sm font-semibold ${LABEL_TONE[monitor.label]}`}>{monitor.label.toLowerCase()}</span>
              )}
            </div>
            <UptimeDays monitor={monitor} />
          </div>
        ))}
      </section>

      {status.planned.length > 0 && (
        <section aria-labelledby="planned">
          <h2 id="planned" className="text-xl font-semibold">Planned maintenance</h2>
          <ul className="mt-2 space-y-1 text-sm">
            {status.planned.map((item) => (
              <li key={`${item.start}-${item.monitorNames.join()}`} data-testid="planned-maintenance">
                {item.start.replace("T", " ").slice(0, 16)} to {item.end.replace("T", " ").slice(0, 16)} UTC: {item.monitorNames.join(", ")}
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="past">
        <h2 id="past" className="text-xl font-semibold">Past incidents</h2>
        {status.past.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">None in the last 90 days.</p>
        ) : (
          <ul className="mt-2 space-y-1 text-sm">
            {status.past.map((incident) => (
              <li key={incident.id} data-testid="past-incident">
                {incident.startedAt.slice(0, 10)}: {incident.monitorName} {incident.label.toLowerCase()} for {formatDuration(incident.durationSeconds)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <p className="text-sm">
        <a href={`/status/${status.slug}/feed.xml`} className="text-blue-700 underline dark:text-blue-400">
          Follow incidents (Atom feed)
        </a>
      </p>
    </article>
  );
}
