"use client";
// Add or edit a notification channel: its kind (fixed once saved), a name, and the kind's fields. Secrets
// already saved are never sent back to the browser: left empty, they are kept. Errors shown by field.
import { useState } from "react";
import type { ChannelKindName } from "@/lib/alerts/channels/channel-kind";
import { CHANNEL_FORMS } from "@/lib/channels/form-fields";
import type { ChannelView } from "@/lib/channels/schemas";
import { buttonClass, FormError, inputClass, secondaryButtonClass } from "./form";

interface Problem {
  detail?: string;
  errors?: { path: string; message: string }[];
}

const KINDS = Object.keys(CHANNEL_FORMS) as ChannelKindName[];

export function ChannelForm({ channel, accountEmail, onSaved, onCancel }: { channel?: ChannelView; accountEmail: string; onSaved: (secret: string | null) => void; onCancel?: () => void }) {
  const editing = channel !== undefined;
  const [kind, setKind] = useState<ChannelKindName>(channel?.kind ?? "slack");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const spec = CHANNEL_FORMS[kind];
  const prefix = channel ? `edit-${channel.id}` : "new-channel";

  function initialValue(name: string, secret?: boolean): string | undefined {
    if (channel) return secret ? "" : String(channel.config[name] ?? "");
    if (kind === "email" && name === "address") return accountEmail;
    return undefined;
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const config: Record<string, string> = {};
    for (const field of spec.fields) {
      const value = String(form.get(field.name) ?? "").trim();
      if (value !== "" || (!field.optional && !editing)) config[field.name] = value;
    }
    const name = String(form.get("name") ?? "").trim();
    setBusy(true);
    setErrors({});
    setFormError(null);
    try {
      const response = await fetch(editing ? `/api/v1/channels/${encodeURIComponent(channel.id)}` : "/api/v1/channels", {
        method: editing ? "PATCH" : "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(editing ? { name, config } : { kind, name, config }),
      });
      const result = (await response.json().catch(() => ({}))) as Problem & { secret?: string };
      if (!response.ok) {
        // "config/webhookUrl" -> the field; "config" alone (an address refused) -> the first field.
        const byField = Object.fromEntries((result.errors ?? []).map((error) => [error.path === "config" ? spec.fields[0]!.name : error.path.replace(/^config\//, ""), error.message]));
        setErrors(byField);
        const shown = Object.keys(byField).some((key) => key === "name" || spec.fields.some((field) => field.name === key));
        if (!shown) setFormError(result.detail ?? "The channel could not be saved.");
        return;
      }
      if (!editing) (event.target as HTMLFormElement).reset();
      onSaved(result.secret ?? null);
    } catch {
      setFormError("Portcheck could not be reached. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (name: string) =>
    errors[name] && (
      <p role="alert" id={`${prefix}-${name}-error`} className="mt-1 text-sm text-red-700 dark:text-red-400">
        {errors[name]}
      </p>
    );

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4 rounded-md border border-slate-200 p-4 dark:border-slate-800" aria-label={editing ? `Edit ${channel.name}` : "Add a channel"}>
      <h2 className="text-lg font-semibold">{editing ? `Edit ${channel.name}` : "Add a channel"}</h2>
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor={`${prefix}-kind`} className="block font-medium">Kind</label>
          <select id={`${prefix}-kind`} name="kind" value={kind} disabled={editing} onChange={(event) => { setKind(event.target.value as ChannelKindName); setErrors({}); }} className={inputClass}>
            {KINDS.map((name) => (
              <option key={name} value={name}>{CHANNEL_FORMS[name].label}</option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${prefix}-name`} className="block font-medium">Name</label>
          <input id={`${prefix}-name`} name="name" maxLength={100} required defaultValue={channel?.name} placeholder="Ops on call" aria-invalid={errors.name ? true : undefined} className={inputClass} />
          {fieldError("name")}
        </div>
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-400">{spec.intro}</p>
      <div key={kind} className="grid gap-4">
        {spec.fields.map((field) => (
          <div key={field.name}>
            <label htmlFor={`${prefix}-${field.name}`} className="block font-medium">{field.label}</label>
            <input
              id={`${prefix}-${field.name}`}
              name={field.name}
              autoComplete="off"
              spellCheck={false}
              defaultValue={initialValue(field.name, field.secret)}
              placeholder={editing && field.secret ? `Unchanged (saved: ${String(channel.config[field.name] ?? "none")})` : field.placeholder}
              aria-invalid={errors[field.name] ? true : undefined}
              aria-describedby={errors[field.name] ? `${prefix}-${field.name}-error` : undefined}
              className={`${inputClass} font-mono text-sm`}
            />
            {field.help && <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{field.help}</p>}
            {fieldError(field.name)}
          </div>
        ))}
      </div>
      <FormError message={formError} />
      <div className="flex flex-wrap gap-3">
        <button type="submit" disabled={busy} className={buttonClass}>
          {busy ? "Saving…" : editing ? "Save changes" : "Add channel"}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel} className={secondaryButtonClass}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
