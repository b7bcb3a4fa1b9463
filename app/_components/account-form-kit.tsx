"use client";
// Pieces of the account forms: a JSON POST to better-auth, a submit handler with busy and error state,
// a labelled field.
import { useState } from "react";
import { inputClass } from "./form";

export async function postAuth(path: string, body: unknown): Promise<Response> {
  return fetch(`/api/auth${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

export function useSubmit(action: (form: FormData) => Promise<string | null>) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const onSubmit = async (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setError(await action(new FormData(event.currentTarget)));
    } catch {
      setError("Portcheck could not be reached. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, onSubmit };
}

export function Field({
  label,
  name,
  type = "text",
  autoComplete,
  minLength,
  inputMode,
  hint,
}: {
  label: string;
  name: string;
  type?: string;
  autoComplete?: string;
  minLength?: number;
  inputMode?: "numeric" | "text";
  hint?: string;
}) {
  return (
    <label className="block">
      <span className="font-medium">{label}</span>
      {hint ? <span className="block text-sm text-slate-600 dark:text-slate-400">{hint}</span> : null}
      <input name={name} type={type} required autoComplete={autoComplete} minLength={minLength} inputMode={inputMode} className={inputClass} />
    </label>
  );
}

/** Where the confirmation link of a sign-up or sign-in lands, then goes on to `next`. */
export function verifiedLanding(next: string | null): string {
  return next ? `/verified?next=${encodeURIComponent(next)}` : "/verified";
}
