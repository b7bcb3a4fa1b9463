"use client";
// Plan or change a maintenance window: one-off (start and end), weekly (days, start time, duration) or cron,
// in a time zone (the browser's by default), over some monitors and status pages. The API judges it; its
// field errors show beside the fields, in plain words.
import { useEffect, useState } from "react";
import type { MaintenanceWindowView } from "@/lib/maintenance/schemas";
import { buttonClass, FormError, inputClass, secondaryButtonClass } from "./form";

type Kind = MaintenanceWindowView["kind"];
const DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].map((name, index) => ({ name, value: (index + 1) % 7 }));
const KINDS: { value: Kind; label: string }[] = [
  { value: "once", label: "One-off" },
  { value: "weekly", label: "Weekly" },
  { value: "cron", label: "Cron" },
];

/** "2027-05-01T22:00" as the wall clock in `zone` shows the instant, for a datetime-local field. */
function wallClock(iso: string | null, zone: string): string {
  if (!iso) return "";
  try {
    const parts = Object.fromEntries(new Intl.DateTimeFormat("en-GB", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).formatToParts(new Date(iso)).map((part) => [part.type, part.value]));
    return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
  } catch {
    return iso.slice(0, 16);
  }
}

export interface Choice {
  id: string;
  name: string;
}

export function MaintenanceForm({ window: existing, monitors, statusPages, onDone }: { window: MaintenanceWindowView | null; monitors: Choice[]; statusPages: Choice[]; onDone: () => void }) {
  const [kind, setKind] = useState<Kind>(existing?.kind ?? "once");
  const [timeZone, setTimeZone] = useState(existing?.timeZone ?? "UTC");
  const [zones, setZones] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!existing) setTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC");
    setZones(typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : []);
  }, [existing]);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    const minutes = (name: string) => (text(name) === "" ? null : Number(text(name)));
    const body: Record<string, unknown> = {
      title: text("title"),
      kind,
      timeZone: text("timeZone"),
      monitorIds: form.getAll("monitorIds").map(String),
      statusPageIds: form.getAll("statusPageIds").map(String),
      active: form.get("active") === "on",
      ...(kind === "once" ? { startsAt: text("startsAt") || null, endsAt: text("endsAt") || null } : {}),
      ...(kind === "weekly" ? { days: form.getAll("days").map(Number), startTime: text("startTime") || null, durationMinutes: minutes("durationMinutes") } : {}),
      ...(kind === "cron" ? { expression: text("expression") || null, durationMinutes: minutes("durationMinutes") } : {}),
    };
    setBusy(true);
    setErrors({});
    setFormError(null);
    try {
      const url = existing ? `/api/v1/maintenance-windows/${encodeURIComponent(existing.id)}` : "/api/v1/maintenance-windows";
      const response = await fetch(url, { method: existing ? "PATCH" : "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      if (!response.ok) {
        const problem = (await response.json().catch(() => ({}))) as { detail?: string; errors?: { path: string; message: string }[] };
        const byField = Object.fromEntries((problem.errors ?? []).map((error) => [error.path.split("/")[0]!, error.message]));
        setErrors(byField);
        if (!Object.keys(byField).length) setFormError(problem.detail ?? "The window could not be saved. Please try again.");
        return;
      }
      if (!existing) (event.target as HTMLFormElement).reset();
      onDone();
    } catch {
      setFormError("Portcheck could not be reached. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (name: string) =>
    errors[name] && (
      <p role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400" data-testid={`error-${name}`}>
        {errors[name]}
      </p>
    );
  const invalid = (name: string) => (errors[name] ? true : undefined);
  const checklist = (name: string, legend: string, items: Choice[], chosen: string[], empty: string) => (
    <fieldset>
      <legend className="font-medium">{legend}</legend>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{empty}</p>
      ) : (
        <div className="mt-1 grid gap-1 sm:grid-cols-2">
          {items.map((item) => (
            <label key={item.id} className="flex min-w-0 items-center gap-2">
              <input type="checkbox" name={name} value={item.id} defaultChecked={chosen.includes(item.id)} className="h-4 w-4 shrink-0 accent-blue-600" />
              <span className="truncate">{item.name}</span>
            </label>
          ))}
        </div>
      )}
      {fieldError(name)}
    </fieldset>
  );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-md border border-slate-200 p-4 dark:border-slate-800" data-testid="maintenance-form">
      <h2 className="text-lg font-semibold">{existing ? `Change “${existing.title}”` : "Plan a maintenance window"}</h2>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor="mw-title" className="block font-medium">Title</label>
          <input id="mw-title" name="title" maxLength={100} defaultValue={existing?.title} className={inputClass} placeholder="Database upgrade" aria-invalid={invalid("title")} />
          {fieldError("title")}
        </div>
        <div>
          <label htmlFor="mw-zone" className="block font-medium">Time zone</label>
          <input id="mw-zone" name="timeZone" list="mw-zones" value={timeZone} onChange={(event) => setTimeZone(event.target.value)} className={inputClass} aria-invalid={invalid("timeZone")} />
          <datalist id="mw-zones">{zones.map((zone) => <option key={zone} value={zone} />)}</datalist>
          {fieldError("timeZone")}
        </div>
      </div>
      <fieldset>
        <legend className="font-medium">When</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {KINDS.map((item) => (
            <label key={item.value} className="flex items-center gap-2">
              <input type="radio" name="kind" value={item.value} checked={kind === item.value} onChange={() => setKind(item.value)} className="h-4 w-4 accent-blue-600" />
              {item.label}
            </label>
          ))}
        </div>
      </fieldset>
      {kind === "once" && (
        <div className="grid gap-4 sm:grid-cols-2">
          <div>
            <label htmlFor="mw-start" className="block font-medium">Starts</label>
            <input id="mw-start" name="startsAt" type="datetime-local" defaultValue={wallClock(existing?.startsAt ?? null, timeZone)} className={inputClass} aria-invalid={invalid("startsAt")} />
            {fieldError("startsAt")}
          </div>
          <div>
            <label htmlFor="mw-end" className="block font-medium">Ends</label>
            <input id="mw-end" name="endsAt" type="datetime-local" defaultValue={wallClock(existing?.endsAt ?? null, timeZone)} className={inputClass} aria-invalid={invalid("endsAt")} />
            {fieldError("endsAt")}
          </div>
        </div>
      )}
      {kind === "weekly" && (
        <fieldset>
          <legend className="font-medium">Days</legend>
          <div className="mt-1 flex flex-wrap gap-3">
            {DAYS.map((day) => (
              <label key={day.value} className="flex items-center gap-1">
                <input type="checkbox" name="days" value={day.value} defaultChecked={existing?.days.includes(day.value)} className="h-4 w-4 accent-blue-600" />
                {day.name}
              </label>
            ))}
          </div>
          {fieldError("days")}
          <label htmlFor="mw-time" className="mt-3 block font-medium">Start time</label>
          <input id="mw-time" name="startTime" type="time" defaultValue={existing?.startTime ?? ""} className={`${inputClass} sm:max-w-40`} aria-invalid={invalid("startTime")} />
          {fieldError("startTime")}
        </fieldset>
      )}
      {kind === "cron" && (
        <div>
          <label htmlFor="mw-cron" className="block font-medium">Cron expression</label>
          <input id="mw-cron" name="expression" defaultValue={existing?.expression ?? ""} className={`${inputClass} font-mono`} placeholder="30 2 * * 0" aria-invalid={invalid("expression")} />
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Minute, hour, day of month, month, day of week, in the time zone above. 30 2 * * 0 is Sundays at 02:30.</p>
          {fieldError("expression")}
        </div>
      )}
      {kind !== "once" && (
        <div>
          <label htmlFor="mw-duration" className="block font-medium">Duration (minutes)</label>
          <input id="mw-duration" name="durationMinutes" type="number" min={1} max={10080} defaultValue={existing?.durationMinutes ?? 60} className={`${inputClass} sm:max-w-40`} aria-invalid={invalid("durationMinutes")} />
          {fieldError("durationMinutes")}
        </div>
      )}
      {checklist("monitorIds", "Monitors it covers", monitors, existing?.monitorIds ?? [], "Add a monitor first.")}
      {checklist("statusPageIds", "Status pages it covers (every monitor on them)", statusPages, existing?.statusPageIds ?? [], "No status pages yet.")}
      <label className="flex items-center gap-2">
        <input type="checkbox" name="active" defaultChecked={existing?.active ?? true} className="h-4 w-4 accent-blue-600" />
        Active (off: kept, but silences nothing)
      </label>
      <FormError message={formError} />
      <div className="flex flex-wrap gap-3">
        <button type="submit" disabled={busy} className={buttonClass}>
          {busy ? "Saving…" : existing ? "Save changes" : "Plan window"}
        </button>
        {existing && (
          <button type="button" className={secondaryButtonClass} onClick={onDone}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
