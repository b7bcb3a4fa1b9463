"use client";
// Settings: the time zone of the times in alerts, offered from this browser's zone, saved with one button.
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { buttonClass, errorMessage, FormError, inputClass } from "./form";

export function TimeZoneSetting({ current }: { current: string }) {
  const router = useRouter();
  const [zone, setZone] = useState(current);
  const [browserZone, setBrowserZone] = useState<string | null>(null);
  const [zones, setZones] = useState<string[]>([current]);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const here = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const known = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
    setBrowserZone(here || null);
    setZones([...new Set(["UTC", current, ...(here ? [here] : []), ...known])]);
    // A fresh account (UTC) is offered this browser's zone at once.
    if (current === "UTC" && here && here !== "UTC") setZone(here);
  }, [current]);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setMessage(null);
    try {
      const response = await fetch("/api/v1/account", { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ timeZone: zone }) });
      if (!response.ok) return setError(await errorMessage(response, "The time zone could not be saved."));
      setMessage(`Saved: alerts now show times in ${zone}.`);
      router.refresh();
    } catch {
      setError("Portcheck could not be reached. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="time-zone" className="space-y-3">
      <h2 id="time-zone" className="text-xl font-semibold">Time zone</h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Times in your alert e-mails and messages are shown in this zone (now: <strong>{current}</strong>){browserZone && browserZone !== current ? `; this browser is in ${browserZone}` : ""}.
      </p>
      <form onSubmit={save} className="flex flex-wrap items-end gap-3">
        <div className="min-w-0 flex-1">
          <label htmlFor="timeZone" className="block font-medium">Time zone for alerts</label>
          <select id="timeZone" value={zone} onChange={(event) => setZone(event.target.value)} className={inputClass}>
            {zones.map((name) => (
              <option key={name} value={name}>{name}</option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={busy} className={buttonClass}>
          {busy ? "Saving…" : "Save time zone"}
        </button>
      </form>
      {message && <p role="status" className="text-sm text-green-700 dark:text-green-400">{message}</p>}
      <FormError message={error} />
    </section>
  );
}
