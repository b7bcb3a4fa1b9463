"use client";
// "Is it really my machine?": gets a one-time token, shows the one-line listener command for each system,
// and hands the token to the next check, which reads it back from the port.
import { useEffect, useState } from "react";
import { listenerCommands } from "@/lib/ownership/listener-commands";

export function OwnershipPanel({ firstPort, token, onToken }: { firstPort: number; token: string | null; onToken: (token: string | null) => void }) {
  const [expiresAt, setExpiresAt] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (!token) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [token]);

  useEffect(() => {
    if (token && expiresAt !== null && now >= expiresAt) onToken(null);
  }, [now, expiresAt, token, onToken]);

  async function getToken() {
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(`/api/v1/verify-tokens?port=${firstPort}`, { method: "POST" });
      const body = (await response.json().catch(() => ({}))) as { token?: string; expiresAt?: string; detail?: string };
      if (!response.ok || !body.token) throw new Error(body.detail ?? "Portcheck could not give you a token. Try again in a moment.");
      setExpiresAt(Date.parse(body.expiresAt ?? "") || Date.now() + 600_000);
      setNow(Date.now());
      onToken(body.token);
    } catch (caught) {
      setError((caught as Error).message);
    } finally {
      setBusy(false);
    }
  }

  const secondsLeft = expiresAt === null ? 0 : Math.max(0, Math.round((expiresAt - now) / 1000));
  return (
    <details className="rounded-md border border-slate-200 p-3 text-sm dark:border-slate-800" data-testid="ownership-panel">
      <summary className="cursor-pointer font-medium">Is it really my machine? Prove it with a token</summary>
      <p className="mt-2 text-slate-600 dark:text-slate-400">
        An old forwarding rule on a router can send a port to another device, so &ldquo;open&rdquo; may not mean <em>your</em> machine. Start a temporary listener that answers with a one-time token; the check then reads the token back and tells you whether it came from your machine.
      </p>
      {!token ? (
        <button type="button" onClick={getToken} disabled={busy} className="mt-3 rounded-md border border-blue-600 px-3 py-1.5 font-medium text-blue-700 hover:bg-blue-50 disabled:opacity-60 dark:border-blue-400 dark:text-blue-300 dark:hover:bg-slate-900">
          {busy ? "Getting a token…" : "Get a one-time token"}
        </button>
      ) : (
        <div className="mt-3 space-y-2">
          <p>
            Your token <code className="rounded bg-slate-100 px-1 font-mono dark:bg-slate-800" data-testid="verify-token">{token}</code> is valid for{" "}
            {Math.floor(secondsLeft / 60)}:{String(secondsLeft % 60).padStart(2, "0")} and is used by your next check. Run one of these on the machine, then check port {firstPort}:
          </p>
          <ul className="space-y-2">
            {listenerCommands(token, firstPort).map(({ os, command }) => (
              <li key={os}>
                <p className="text-slate-600 dark:text-slate-400">{os}</p>
                <div className="flex items-start gap-2">
                  <code className="block flex-1 overflow-x-auto rounded bg-slate-100 p-2 font-mono text-xs whitespace-pre dark:bg-slate-900">{command}</code>
                  <button type="button" onClick={() => void navigator.clipboard?.writeText(command)} className="rounded border border-slate-300 px-2 py-1 text-xs dark:border-slate-700">
                    Copy
                  </button>
                </div>
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => onToken(null)} className="text-slate-600 underline dark:text-slate-400">
            Do not use a token
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="mt-2 text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </details>
  );
}
