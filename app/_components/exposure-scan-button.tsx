"use client";
// One button: scan the visitor's own address for the 100 ports most often left open by mistake, then
// follow the scan on its permalink page, where the open ones are listed worst first.
import { useRouter } from "next/navigation";
import { useState } from "react";

export function ExposureScanButton({ clientIp }: { clientIp: string | null }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function scan() {
    setBusy(true);
    setError(null);
    try {
      const response = await fetch("/api/v1/exposure-scans", { method: "POST" });
      const body = (await response.json().catch(() => ({}))) as { id?: string; detail?: string };
      if (!response.ok || !body.id) {
        setError(body.detail ?? "The scan could not be started. Try again in a moment.");
        setBusy(false);
        return;
      }
      router.push(`/checks/${body.id}`);
    } catch {
      setError("Portcheck could not be reached. Check your connection and try again.");
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="exposure-heading" className="mt-8 rounded-lg border border-slate-200 p-4 dark:border-slate-800" data-testid="exposure-scan">
      <h2 id="exposure-heading" className="text-lg font-semibold">What is exposed on my address?</h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        One click checks {clientIp ? <span className="font-mono">{clientIp}</span> : "your address"} for the 100 ports most often left open by mistake: databases, remote desktops, file sharing, the Docker API, printers, cameras… and lists what is open, worst first, with what each means. Your own address only, once every few minutes.
      </p>
      <button
        type="button"
        onClick={scan}
        disabled={busy}
        className="mt-3 rounded-md bg-slate-900 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-700 disabled:opacity-60 dark:bg-slate-100 dark:text-slate-900 dark:hover:bg-slate-300"
      >
        {busy ? "Starting the scan…" : "Scan my address"}
      </button>
      {error && (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </section>
  );
}
