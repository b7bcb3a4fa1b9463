"use client";
// Pause or resume, send a test alert, delete: the monitor page's buttons.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { dangerButtonClass, errorMessage, FormError, secondaryButtonClass } from "./form";

export function MonitorControls({ id, paused }: { id: string; paused: boolean }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function call(method: string, path: string, body?: unknown): Promise<Response | null> {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const response = await fetch(`/api/v1/monitors/${id}${path}`, {
        method,
        headers: body === undefined ? {} : { "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) {
        setError(await errorMessage(response, "That did not work. Please try again."));
        return null;
      }
      return response;
    } catch {
      setError("Portcheck could not be reached.");
      return null;
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <button type="button" disabled={busy} className={secondaryButtonClass} onClick={async () => (await call("PATCH", "", { paused: !paused })) && router.refresh()}>
          {paused ? "Resume" : "Pause"}
        </button>
        <button
          type="button"
          disabled={busy}
          className={secondaryButtonClass}
          onClick={async () => {
            if (await call("POST", "/test-alert")) {
              setNotice("Test alert queued: see the delivery log below in a moment.");
              setTimeout(() => router.refresh(), 1500);
            }
          }}
        >
          Send test alert
        </button>
        <button
          type="button"
          disabled={busy}
          className={dangerButtonClass}
          onClick={async () => {
            if (!window.confirm("Delete this monitor with its whole history?")) return;
            if (await call("DELETE", "")) {
              router.push("/dashboard");
              router.refresh();
            }
          }}
        >
          Delete
        </button>
      </div>
      {notice && <p role="status" className="text-sm text-green-700 dark:text-green-400">{notice}</p>}
      <FormError message={error} />
    </div>
  );
}
