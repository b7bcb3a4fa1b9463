"use client";
// API keys under Settings: create one (shown once, with a copy button), see them by name, prefix, scope
// and last use, and revoke one.
import { useEffect, useState } from "react";
import type { ApiKeyView } from "@/lib/api-keys/schemas";
import { buttonClass, errorMessage, FormError, inputClass, secondaryButtonClass } from "./form";

export function ApiKeysSettings() {
  const [keys, setKeys] = useState<ApiKeyView[] | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function load() {
    const response = await fetch("/api/v1/api-keys?limit=100", { cache: "no-store" }).catch(() => null);
    if (response?.ok) setKeys(((await response.json()) as { apiKeys: ApiKeyView[] }).apiKeys);
    else setError("Your API keys could not be loaded.");
  }

  useEffect(() => {
    void load();
  }, []);

  async function create(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    const response = await fetch("/api/v1/api-keys", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: form.get("name"), scope: form.get("scope") }),
    }).catch(() => null);
    setBusy(false);
    if (!response) return setError("Portcheck could not be reached.");
    if (!response.ok) return setError(await errorMessage(response, "The key could not be created."));
    setCreated(((await response.json()) as { key: string }).key);
    (event.target as HTMLFormElement).reset();
    await load();
  }

  async function revoke(id: string, name: string) {
    if (!window.confirm(`Revoke the key "${name}"? Programs using it stop working at once.`)) return;
    const response = await fetch(`/api/v1/api-keys/${encodeURIComponent(id)}`, { method: "DELETE" }).catch(() => null);
    if (!response?.ok) return setError("The key could not be revoked.");
    await load();
  }

  return (
    <section aria-labelledby="api-keys" className="space-y-4">
      <h2 id="api-keys" className="text-xl font-semibold">
        API keys
      </h2>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Send a key as <code>Authorization: Bearer &lt;key&gt;</code> to use the <a href="/docs/api" className="underline">API</a> from scripts and CI. A read key may only GET.
      </p>
      {created && (
        <div role="status" className="space-y-2 rounded-md border border-green-300 bg-green-50 p-3 text-sm dark:border-green-800 dark:bg-green-950">
          <p className="font-semibold">Your new key. Copy it now: it is shown only once.</p>
          <div className="flex items-start gap-2">
            <code className="block flex-1 overflow-x-auto rounded bg-white p-2 font-mono text-xs dark:bg-slate-900" data-testid="new-api-key">
              {created}
            </code>
            <button type="button" className={secondaryButtonClass} onClick={() => void navigator.clipboard?.writeText(created)}>
              Copy
            </button>
          </div>
        </div>
      )}
      <form onSubmit={create} className="flex flex-wrap items-end gap-3">
        <label className="min-w-48 flex-1">
          <span className="font-medium">Name</span>
          <input name="name" required maxLength={100} placeholder="Deploy script" className={inputClass} />
        </label>
        <label>
          <span className="font-medium">Scope</span>
          <select name="scope" defaultValue="read" className={inputClass}>
            <option value="read">read</option>
            <option value="write">write</option>
          </select>
        </label>
        <button type="submit" disabled={busy} className={buttonClass}>
          Create key
        </button>
      </form>
      <FormError message={error} />
      {keys && keys.length === 0 && <p className="text-sm text-slate-600 dark:text-slate-400">No API keys yet.</p>}
      {keys && keys.length > 0 && (
        <ul className="divide-y divide-slate-200 rounded-md border border-slate-200 text-sm dark:divide-slate-800 dark:border-slate-800" data-testid="api-keys">
          {keys.map((key) => (
            <li key={key.id} className="flex flex-wrap items-center justify-between gap-2 p-3">
              <div>
                <p className="font-medium">
                  {key.name} <span className="rounded bg-slate-100 px-1.5 text-xs dark:bg-slate-800">{key.scope}</span>
                </p>
                <p className="font-mono text-xs text-slate-600 dark:text-slate-400">
                  {key.prefix}… · created <time dateTime={key.createdAt}>{new Date(key.createdAt).toLocaleDateString()}</time> ·{" "}
                  {key.lastUsedAt ? (
                    <>
                      last used <time dateTime={key.lastUsedAt}>{new Date(key.lastUsedAt).toLocaleString()}</time>
                    </>
                  ) : (
                    "never used"
                  )}
                </p>
              </div>
              <button type="button" className={secondaryButtonClass} onClick={() => void revoke(key.id, key.name)}>
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
