// /monitors/{id}/edit: change every setting of a monitor in place; its history stays.
import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MonitorForm } from "@/app/_components/monitor-form";
import { RotateWebhookSecret } from "@/app/_components/rotate-webhook-secret";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { channelChoices } from "@/lib/channels/channel-choices";
import { env } from "@/lib/env";
import { getMonitor } from "@/lib/monitors/queries";
import { regionChoices } from "@/lib/regions/region-choices";

export const metadata: Metadata = { title: "Edit monitor" };
export const dynamic = "force-dynamic";

export default async function EditMonitorPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = (await currentUser(await headers()))!;
  const monitor = await getMonitor(db(), user.id, id);
  if (!monitor) notFound();
  return (
    <div className="max-w-2xl space-y-6">
      <p className="text-sm">
        <Link href={`/monitors/${monitor.id}`} className="text-blue-700 underline underline-offset-2 dark:text-blue-400">
          ← {monitor.name}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">Edit monitor</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">Its results, incidents and alert log stay. A new host, port, protocol or expectation starts its state afresh.</p>
      <MonitorForm minIntervalSeconds={env().MONITOR_MIN_INTERVAL_SECONDS} regionChoices={await regionChoices()} monitor={monitor} channels={await channelChoices(db(), user.id)} />
      {monitor.webhookUrl && <RotateWebhookSecret monitorId={monitor.id} />}
    </div>
  );
}
