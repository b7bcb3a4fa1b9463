"use client";
// Add or edit a monitor: host, port, interval, expectation, confirmations, alerts (e-mail, webhook, attached
// channels) and reminders, regions, and the probe's options (protocol, family, TLS, slow threshold,
// send/expect, certificate expiry).
// Editing keeps the monitor's history (PATCH). Errors shown by field.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { buttonClass, FormError, inputClass } from "./form";
import { type ChannelChoice, ChannelCheckboxes } from "./channel-checkboxes";
import { initialRegions, RegionPicker } from "./region-picker";
import type { RegionChoice } from "@/lib/regions/region-choices";
import type { MonitorView } from "@/lib/monitors/views";

/** An empty number field means "not set" (null), not 0. */
function optionalNumber(value: FormDataEntryValue | null): number | null {
  const text = String(value ?? "").trim();
  return text === "" ? null : Number(text);
}

interface Problem {
  detail?: string;
  errors?: { path: string; message: string }[];
}

const PROBE_FIELDS = ["protocol", "family", "tls", "degradedLatencyMs", "certExpiryDays", "send", "expectReply"];

export function MonitorForm({
  minIntervalSeconds,
  regionChoices = { regions: [], defaults: [] },
  initial = {},
  monitor,
  channels = [],
}: {
  minIntervalSeconds: number;
  regionChoices?: { regions: RegionChoice[]; defaults: string[] };
  /** Prefilled from a check result ("Monitor this port"). */
  initial?: { host?: string; port?: number; protocol?: "tcp" | "udp"; expect?: "open" | "closed" };
  /** Editing this monitor: every field starts from it, and the form sends a PATCH. */
  monitor?: MonitorView;
  /** The account's notification channels, to attach. */
  channels?: ChannelChoice[];
}) {
  const editing = monitor !== undefined;
  const start = {
    name: monitor?.name ?? (initial.host && initial.port ? `${initial.host} port ${initial.port}` : undefined),
    host: monitor?.host ?? initial.host,
    port: monitor?.port ?? initial.port,
    protocol: monitor?.protocol ?? initial.protocol ?? "tcp",
    expect: monitor?.expect ?? initial.expect ?? "open",
    intervalSeconds: monitor?.intervalSeconds ?? Math.max(60, minIntervalSeconds),
    timeoutMs: monitor?.timeoutMs ?? 3000,
    confirmations: monitor?.confirmations ?? 2,
    family: monitor?.family ?? "both",
    tls: monitor ? (monitor.tls === "auto" ? "auto" : monitor.tls ? "on" : "off") : "auto",
    degradedLatencyMs: monitor?.degradedLatencyMs ?? undefined,
    certExpiryDays: monitor?.certExpiryDays ?? undefined,
    send: monitor?.send ?? undefined,
    expectReply: monitor?.expectReply ?? undefined,
    emailAlerts: monitor?.emailAlerts ?? true,
    webhookUrl: monitor?.webhookUrl ?? undefined,
    alertRepeatMinutes: monitor?.alertRepeatMinutes ?? 0,
    quorum: monitor?.quorum ?? "",
  };
  const router = useRouter();
  const several = regionChoices.regions.length > 1;
  const [regions, setRegions] = useState<string[]>(() => monitor?.regions ?? initialRegions(regionChoices.regions, regionChoices.defaults));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [secret, setSecret] = useState<{ id: string; value: string } | null>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const number = (name: string) => Number(form.get(name));
    const body = {
      name: String(form.get("name") ?? ""),
      host: String(form.get("host") ?? ""),
      port: number("port"),
      intervalSeconds: number("intervalSeconds"),
      timeoutMs: number("timeoutMs"),
      expect: form.get("expect"),
      confirmations: number("confirmations"),
      emailAlerts: form.get("emailAlerts") === "on",
      webhookUrl: String(form.get("webhookUrl") ?? "").trim() || null,
      channelIds: form.getAll("channelIds").map(String),
      alertRepeatMinutes: number("alertRepeatMinutes"),
      protocol: form.get("protocol"),
      family: form.get("family"),
      tls: form.get("tls") === "auto" ? "auto" : form.get("tls") === "on",
      degradedLatencyMs: optionalNumber(form.get("degradedLatencyMs")),
      send: String(form.get("send") ?? "") || null,
      expectReply: String(form.get("expectReply") ?? "") || null,
      certExpiryDays: optionalNumber(form.get("certExpiryDays")),
      ...(several ? { regions, quorum: optionalNumber(form.get("quorum")) } : {}),
    };
    setBusy(true);
    setErrors({});
    setFormError(null);
    try {
      const response = await fetch(editing ? `/api/v1/monitors/${encodeURIComponent(monitor.id)}` : "/api/v1/monitors", {
        method: editing ? "PATCH" : "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      const result = (await response.json().catch(() => ({}))) as Problem & { id?: string; webhookSecret?: string };
      if (!response.ok) {
        const byField = Object.fromEntries((result.errors ?? []).map((error) => [error.path, error.message]));
        setErrors(byField);
        if (!Object.keys(byField).length) setFormError(result.detail ?? (editing ? "The changes could not be saved." : "The monitor could not be added."));
        return;
      }
      if (result.webhookSecret) setSecret({ id: result.id!, value: result.webhookSecret });
      else {
        router.push(`/monitors/${result.id}`);
        router.refresh();
      }
    } catch {
      setFormError("Portcheck could not be reached. Check your connection and try again.");
    } finally {
      setBusy(false);
    }
  }

  if (secret) {
    return (
      <div className="space-y-4" role="status">
        <p className="font-semibold">{editing ? "Saved." : "Monitor added."} This is your new webhook signing secret; it is shown only once:</p>
        <pre className="overflow-x-auto rounded-md bg-slate-100 p-3 font-mono dark:bg-slate-900">{secret.value}</pre>
        <p className="text-sm">Every webhook carries a Portcheck-Signature header: t=&lt;unix time&gt;,v1=HMAC-SHA256(secret, &quot;&lt;t&gt;.&lt;raw body&gt;&quot;) in hex.</p>
        <button type="button" className={buttonClass} onClick={() => router.push(`/monitors/${secret.id}`)}>
          I have saved it: open the monitor
        </button>
      </div>
    );
  }

  const field = (name: string, label: string, input: React.ReactNode, hint?: string) => (
    <div>
      <label htmlFor={name} className="block font-medium">
        {label}
      </label>
      {input}
      {hint && <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{hint}</p>}
      {errors[name] && (
        <p role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400">
          {errors[name]}
        </p>
      )}
    </div>
  );
  const invalid = (name: string) => (errors[name] ? true : undefined);

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {field("name", "Name", <input id="name" name="name" required maxLength={100} aria-invalid={invalid("name")} className={inputClass} placeholder="Company website" defaultValue={start.name} />)}
      <div className="grid gap-4 sm:grid-cols-3">
        <div className="sm:col-span-2">{field("host", "Host", <input id="host" name="host" required aria-invalid={invalid("host")} className={`${inputClass} font-mono`} placeholder="example.com" defaultValue={start.host} />)}</div>
        {field("port", "Port", <input id="port" name="port" type="number" min={1} max={65535} required aria-invalid={invalid("port")} className={`${inputClass} font-mono`} placeholder="443" defaultValue={start.port} />)}
      </div>
      {field(
        "expect",
        "The port must be",
        <select id="expect" name="expect" defaultValue={start.expect} className={inputClass}>
          <option value="open">open: a service that must stay reachable</option>
          <option value="closed">closed: a port that must never be reachable</option>
        </select>,
      )}
      <div className="grid gap-4 sm:grid-cols-3">
        {field("intervalSeconds", "Check every (seconds)", <input id="intervalSeconds" name="intervalSeconds" type="number" min={minIntervalSeconds} defaultValue={start.intervalSeconds} aria-invalid={invalid("intervalSeconds")} className={inputClass} />)}
        {field("timeoutMs", "Timeout (ms)", <input id="timeoutMs" name="timeoutMs" type="number" min={100} max={10000} defaultValue={start.timeoutMs} aria-invalid={invalid("timeoutMs")} className={inputClass} />)}
        {field("confirmations", "Confirmations", <input id="confirmations" name="confirmations" type="number" min={1} max={10} defaultValue={start.confirmations} aria-invalid={invalid("confirmations")} className={inputClass} />, "Results in a row before the state changes.")}
      </div>
      {several && (
        <div className="space-y-3 rounded-md border border-slate-200 p-3 dark:border-slate-800">
          <RegionPicker regions={regionChoices.regions} selected={regions} onChange={setRegions} legend="Check from these regions" />
          {errors["regions"] && (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              {errors["regions"]}
            </p>
          )}
          {field(
            "quorum",
            "Regions that must agree to change the state",
            <select id="quorum" name="quorum" defaultValue={String(start.quorum)} className={inputClass}>
              <option value="">A majority of the regions that can vote</option>
              {regions.map((_, index) => (
                <option key={index + 1} value={index + 1}>
                  {index + 1}
                </option>
              ))}
            </select>,
            "A region whose workers are down, or that has not reported for two intervals, does not vote. One region's network trouble is not an outage.",
          )}
        </div>
      )}
      <details className="rounded-md border border-slate-200 p-3 dark:border-slate-800" open={initial.protocol === "udp" || Object.keys(errors).some((name) => PROBE_FIELDS.includes(name))}>
        <summary className="cursor-pointer font-medium">Probe options: UDP, IPv4 or IPv6, TLS, slow answers, a question and its answer</summary>
        <div className="mt-3 space-y-4">
          <div className="grid gap-4 sm:grid-cols-3">
            {field(
              "protocol",
              "Protocol",
              <select id="protocol" name="protocol" defaultValue={start.protocol} className={inputClass}>
                <option value="tcp">TCP</option>
                <option value="udp">UDP (needs a service that replies)</option>
              </select>,
            )}
            {field(
              "family",
              "Address family",
              <select id="family" name="family" defaultValue={start.family} className={inputClass}>
                <option value="both">IPv4 and IPv6</option>
                <option value="4">IPv4 only</option>
                <option value="6">IPv6 only</option>
              </select>,
            )}
            {field(
              "tls",
              "TLS",
              <select id="tls" name="tls" defaultValue={start.tls} className={inputClass}>
                <option value="auto">Automatic (by port)</option>
                <option value="on">Always</option>
                <option value="off">Never</option>
              </select>,
            )}
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            {field("degradedLatencyMs", "Slow above (ms, optional)", <input id="degradedLatencyMs" name="degradedLatencyMs" type="number" min={1} max={10000} aria-invalid={invalid("degradedLatencyMs")} className={inputClass} defaultValue={start.degradedLatencyMs} />, "A slower answer is reported as slow, not down.")}
            {field("certExpiryDays", "Warn before the certificate expires (days, optional)", <input id="certExpiryDays" name="certExpiryDays" type="number" min={1} max={365} aria-invalid={invalid("certExpiryDays")} className={inputClass} defaultValue={start.certExpiryDays} />, "Once per certificate.")}
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            {field("send", "Send (optional)", <input id="send" name="send" maxLength={1024} aria-invalid={invalid("send")} className={`${inputClass} font-mono`} placeholder="PING\r\n" defaultValue={start.send} />, "One line of text, at most 256 bytes; write \\r\\n for a line end. Only questions: commands that change data are refused.")}
            {field("expectReply", "The reply must contain (optional)", <input id="expectReply" name="expectReply" maxLength={256} aria-invalid={invalid("expectReply")} className={`${inputClass} font-mono`} placeholder="+PONG" defaultValue={start.expectReply} />)}
          </div>
        </div>
      </details>
      <label className="flex items-center gap-2">
        <input name="emailAlerts" type="checkbox" defaultChecked={start.emailAlerts} className="h-4 w-4 accent-blue-600" />
        E-mail me when it goes down and when it recovers
      </label>
      {field("webhookUrl", "Webhook URL (optional)", <input id="webhookUrl" name="webhookUrl" type="url" aria-invalid={invalid("webhookUrl")} className={`${inputClass} font-mono`} placeholder="https://example.com/hooks/portcheck" defaultValue={start.webhookUrl} />)}
      <ChannelCheckboxes channels={channels} selected={monitor?.channelIds ?? []} error={Object.entries(errors).find(([path]) => path.startsWith("channelIds"))?.[1]} />
      {field(
        "alertRepeatMinutes",
        "While down, remind me every (minutes)",
        <input id="alertRepeatMinutes" name="alertRepeatMinutes" type="number" min={0} max={10080} defaultValue={start.alertRepeatMinutes} aria-invalid={invalid("alertRepeatMinutes")} className={inputClass} />,
        "0: one alert per incident.",
      )}
      <FormError message={formError} />
      <button type="submit" disabled={busy} className={buttonClass}>
        {busy ? (editing ? "Saving…" : "Adding…") : editing ? "Save changes" : "Add monitor"}
      </button>
    </form>
  );
}
