"use client";
// "In maintenance until 23:30": shown beside a monitor's state while a maintenance window covers it. The
// server renders the UTC time; the browser shows it in the reader's own time zone.
import { useEffect, useState } from "react";

export function MaintenanceNote({ until, title }: { until: string; title?: string }) {
  const [local, setLocal] = useState<string | null>(null);
  useEffect(() => {
    const end = new Date(until);
    const sameDay = end.toDateString() === new Date().toDateString();
    setLocal(end.toLocaleString(undefined, sameDay ? { timeStyle: "short" } : { dateStyle: "medium", timeStyle: "short" }));
  }, [until]);
  return (
    <span
      className="inline-flex items-center rounded-full border border-blue-300 bg-blue-50 px-2 py-0.5 text-xs font-semibold text-blue-900 dark:border-blue-800 dark:bg-blue-950 dark:text-blue-200"
      data-testid="maintenance-note"
      title={title ? `Maintenance window: ${title}. Results are kept; no incident opens and no alert is sent.` : undefined}
      suppressHydrationWarning
    >
      In maintenance until <time dateTime={until} className="ml-1" suppressHydrationWarning>{local ?? `${until.replace("T", " ").slice(0, 16)} UTC`}</time>
    </span>
  );
}
