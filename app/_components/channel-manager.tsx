"use client";
// The account's notification channels: each with where it goes, a "Send test" button that shows the
// outcome at once, edit and delete, and its last deliveries; and the form to add one.
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ChannelKindName } from "@/lib/alerts/channels/channel-kind";
import { CHANNEL_FORMS } from "@/lib/channels/form-fields";
import type { ChannelView } from "@/lib/channels/schemas";
import { ChannelForm } from "./channel-form";
import { dangerButtonClass, errorMessage, FormError, secondaryButtonClass } from "./form";
import { RelativeTime } from "./relative-time";

export interface ChannelDelivery {
  id: string;
  event: string;
  status: string;
  responseStatus: number | null;
  error: string | null;
  createdAt: string;
}

type Outcome = { ok: boolean; text: string };

const EVENT_WORDS: Record<string, string> = { down: "Down alert", up: "Recovery", reminder: "Reminder", degraded: "Slow alert", certificate: "Certificate warning", test: "Test message" };

function outcomeWords(delivery: ChannelDelivery): string {
  if (delivery.status === "delivered") return `Delivered${delivery.responseStatus ? ` (HTTP ${delivery.responseStatus})` : ""}`;
  if (delivery.status === "pending") return `Not delivered yet${delivery.error ? `: ${delivery.error}` : ""}`;
  return `Failed: ${delivery.error ?? "no reason given"}`;
}

export function ChannelManager({ channels, accountEmail }: { channels: (ChannelView & { deliveries: ChannelDelivery[] })[]; accountEmail: string }) {
  const router = useRouter();
  const [editing, setEditing] = useState<string | null>(null);
  const [outcomes, setOutcomes] = useState<Record<string, Outcome>>({});
  const [testing, setTesting] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function sendTest(channel: ChannelView) {
    setTesting(channel.id);
    setOutcomes((current) => ({ ...current, [channel.id]: { ok: true, text: "Sending…" } }));
    try {
      const response = await fetch(`/api/v1/channels/${encodeURIComponent(channel.id)}/test`, { method: "POST" });
      if (!response.ok) {
        const why = await errorMessage(response, "the test could not be sent.");
        setOutcomes((current) => ({ ...current, [channel.id]: { ok: false, text: `Not sent: ${why}` } }));
        return;
      }
      const { delivery } = (await response.json()) as { delivery: ChannelDelivery };
      setOutcomes((current) => ({ ...current, [channel.id]: { ok: delivery.status === "delivered", text: outcomeWords(delivery) } }));
      router.refresh();
    } catch {
      setOutcomes((current) => ({ ...current, [channel.id]: { ok: false, text: "Portcheck could not be reached. Check your connection and try again." } }));
    } finally {
      setTesting(null);
    }
  }

  async function remove(channel: ChannelView) {
    const attached = channel.monitorIds.length ? ` It is attached to ${channel.monitorIds.length} monitor${channel.monitorIds.length === 1 ? "" : "s"}, which will stop alerting it.` : "";
    if (!window.confirm(`Delete ${channel.name}?${attached}`)) return;
    const response = await fetch(`/api/v1/channels/${encodeURIComponent(channel.id)}`, { method: "DELETE" }).catch(() => null);
    if (!response?.ok) setError("The channel could not be deleted. Please try again.");
    router.refresh();
  }

  function saved(newSecret: string | null) {
    setEditing(null);
    setSecret(newSecret);
    router.refresh();
  }

  return (
    <div className="space-y-8">
      {secret && (
        <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950">
          <p className="font-medium">The webhook&apos;s signing secret, shown this once:</p>
          <p className="mt-1 break-all font-mono" data-testid="channel-secret">{secret}</p>
          <p className="mt-1">Keep it with your receiver: it checks each request&apos;s Portcheck-Signature with it.</p>
        </div>
      )}
      <FormError message={error} />
      {channels.length === 0 ? (
        <p className="text-slate-600 dark:text-slate-400">No channels yet. Add one below, send it a test, then tick it on any monitor.</p>
      ) : (
        <ul className="space-y-4">
          {channels.map((channel) => (
            <li key={channel.id} className="rounded-md border border-slate-200 p-3 dark:border-slate-800" data-testid="channel-row">
              {editing === channel.id ? (
                <ChannelForm channel={channel} accountEmail={accountEmail} onSaved={saved} onCancel={() => setEditing(null)} />
              ) : (
                <>
                  <div className="flex flex-wrap items-start justify-between gap-3">
                    <div className="min-w-0">
                      <p className="font-medium">
                        {channel.name} <span className="text-sm font-normal text-slate-500 dark:text-slate-400">· {CHANNEL_FORMS[channel.kind as ChannelKindName].label}</span>
                      </p>
                      <p className="break-all font-mono text-sm text-slate-600 dark:text-slate-400">{channel.target}</p>
                      <p className="text-sm text-slate-500 dark:text-slate-400">
                        {channel.monitorIds.length ? `Attached to ${channel.monitorIds.length} monitor${channel.monitorIds.length === 1 ? "" : "s"}` : "Not attached to a monitor yet"}
                      </p>
                    </div>
                    <div className="flex flex-wrap gap-2">
                      <button type="button" className={secondaryButtonClass} disabled={testing === channel.id} onClick={() => sendTest(channel)}>
                        {testing === channel.id ? "Sending…" : "Send test"}
                      </button>
                      <button type="button" className={secondaryButtonClass} onClick={() => setEditing(channel.id)} aria-label={`Edit ${channel.name}`}>
                        Edit
                      </button>
                      <button type="button" className={dangerButtonClass} onClick={() => remove(channel)} aria-label={`Delete ${channel.name}`}>
                        Delete
                      </button>
                    </div>
                  </div>
                  {outcomes[channel.id] && (
                    <p role="status" className={`mt-2 text-sm font-medium ${outcomes[channel.id]!.ok ? "text-green-700 dark:text-green-400" : "text-red-700 dark:text-red-400"}`}>
                      {outcomes[channel.id]!.text}
                    </p>
                  )}
                  {channel.deliveries.length > 0 && (
                    <div className="mt-3">
                      <p className="text-sm font-medium">Last deliveries</p>
                      <ul className="mt-1 space-y-1 text-sm" data-testid="channel-deliveries">
                        {channel.deliveries.map((delivery) => (
                          <li key={delivery.id} className="break-words">
                            <RelativeTime iso={delivery.createdAt} />: {EVENT_WORDS[delivery.event] ?? delivery.event}: <strong className={delivery.status === "failed" ? "text-red-700 dark:text-red-400" : ""}>{outcomeWords(delivery)}</strong>
                          </li>
                        ))}
                      </ul>
                    </div>
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <ChannelForm accountEmail={accountEmail} onSaved={saved} />
    </div>
  );
}
