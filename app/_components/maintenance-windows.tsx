"use client";
// The account's maintenance windows: each with its schedule in words, whether it is on now, its next
// occurrences and what it covers, with Edit and Delete; and the form to plan one.
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { MaintenanceWindowView } from "@/lib/maintenance/schemas";
import { dangerButtonClass, FormError, secondaryButtonClass } from "./form";
import { type Choice, MaintenanceForm } from "./maintenance-form";

const DAY_NAMES = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

function when(window: MaintenanceWindowView): string {
  const duration = window.durationMinutes !== null ? (window.durationMinutes % 60 === 0 ? `${window.durationMinutes / 60} h` : `${window.durationMinutes} min`) : "";
  if (window.kind === "weekly") return `Every ${window.days.map((day) => DAY_NAMES[day]).join(", ")} at ${window.startTime} for ${duration} (${window.timeZone})`;
  if (window.kind === "cron") return `Cron ${window.expression} for ${duration} (${window.timeZone})`;
  return `Once, ${local(window.startsAt!)} to ${local(window.endsAt!)}`;
}

function local(iso: string): string {
  return new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

export function MaintenanceWindows({ windows, monitors, statusPages }: { windows: MaintenanceWindowView[]; monitors: Choice[]; statusPages: Choice[] }) {
  const router = useRouter();
  const [editing, setEditing] = useState<MaintenanceWindowView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const names = new Map([...monitors, ...statusPages].map((item) => [item.id, item.name]));

  async function remove(window: MaintenanceWindowView) {
    if (!globalThis.confirm(`Delete “${window.title}”? Its monitors will alert as usual.`)) return;
    const response = await fetch(`/api/v1/maintenance-windows/${encodeURIComponent(window.id)}`, { method: "DELETE" }).catch(() => null);
    setError(response?.ok ? null : "The window could not be deleted. Please try again.");
    if (editing?.id === window.id) setEditing(null);
    router.refresh();
  }

  return (
    <div className="space-y-8">
      <FormError message={error} />
      {windows.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-400">No maintenance windows yet.</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 dark:divide-slate-800 dark:border-slate-800">
          {windows.map((window) => (
            <li key={window.id} className="space-y-2 p-3" data-testid="maintenance-row">
              <div className="flex flex-wrap items-center gap-2">
                <p className="font-medium">{window.title}</p>
                {window.activeNow && (
                  <span className="rounded-full bg-blue-100 px-2 py-0.5 text-xs font-semibold text-blue-900 dark:bg-blue-900 dark:text-blue-100" data-testid="maintenance-on">
                    <span suppressHydrationWarning>On now, until {local(window.activeUntil!)}</span>
                  </span>
                )}
                {!window.active && <span className="rounded-full bg-slate-200 px-2 py-0.5 text-xs font-semibold text-slate-700 dark:bg-slate-800 dark:text-slate-300">Inactive</span>}
              </div>
              <p className="text-sm text-slate-700 dark:text-slate-300" suppressHydrationWarning>{when(window)}</p>
              <p className="text-sm text-slate-600 dark:text-slate-400">
                Covers: {[...window.monitorIds, ...window.statusPageIds].map((id) => names.get(id) ?? id).join(", ") || "nothing yet"}
              </p>
              {window.nextOccurrences.length > 0 && !window.activeNow && (
                <p className="text-sm text-slate-600 dark:text-slate-400" suppressHydrationWarning>
                  Next: {window.nextOccurrences.slice(0, 3).map((item) => local(item.start)).join(" · ")}
                </p>
              )}
              <div className="flex flex-wrap gap-2">
                <button type="button" className={secondaryButtonClass} onClick={() => setEditing(window)}>
                  Edit
                </button>
                <button type="button" className={dangerButtonClass} onClick={() => remove(window)}>
                  Delete
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <MaintenanceForm
        key={editing?.id ?? "new"}
        window={editing}
        monitors={monitors}
        statusPages={statusPages}
        onDone={() => {
          setEditing(null);
          router.refresh();
        }}
      />
    </div>
  );
}
