"use client";
// Replace a monitor's webhook signing secret; the new one is shown once.
import { useState } from "react";
import { errorMessage, FormError, secondaryButtonClass } from "./form";

export function RotateWebhookSecret({ monitorId }: { monitorId: string }) {
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function rotate() {
    if (!window.confirm("Replace the webhook secret? Deliveries are signed with the new one at once; update your receiver.")) return;
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(`/api/v1/monitors/${encodeURIComponent(monitorId)}/webhook-secret`, { method: "POST" });
      if (!response.ok) setError(await errorMessage(response, "The secret could not be replaced."));
      else setSecret(((await response.json()) as { webhookSecret: string }).webhookSecret);
    } catch {
      setError("Portcheck could not be reached. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="webhook-secret" className="space-y-2 rounded-md border border-slate-200 p-4 dark:border-slate-800">
      <h2 id="webhook-secret" className="font-semibold">Webhook signing secret</h2>
      {secret ? (
        <div role="status" className="space-y-2">
          <p>The new secret, shown only once:</p>
          <pre className="overflow-x-auto rounded-md bg-slate-100 p-3 font-mono dark:bg-slate-900" data-testid="new-webhook-secret">{secret}</pre>
        </div>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">If the secret leaked, replace it. The old one stops working at once.</p>
      )}
      <FormError message={error} />
      <button type="button" onClick={rotate} disabled={busy} className={secondaryButtonClass}>
        {busy ? "Replacing…" : "Replace the secret"}
      </button>
    </section>
  );
}
