// /monitors/new: add a monitor.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { currentUser } from "@/lib/auth/session";
import { MonitorForm } from "@/app/_components/monitor-form";
import { channelChoices } from "@/lib/channels/channel-choices";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { regionChoices } from "@/lib/regions/region-choices";

export const metadata: Metadata = { title: "Add a monitor" };

export const dynamic = "force-dynamic";

type Search = { host?: string | string[]; port?: string | string[]; protocol?: string | string[]; expect?: string | string[] };

/** What "Monitor this port" on a check result passes (with expect=closed from an exposure scan): kept only if it looks like a host, a port and a protocol. */
function prefill(query: Search): { host?: string; port?: number; protocol?: "tcp" | "udp"; expect?: "open" | "closed" } {
  const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim();
  const host = one(query.host);
  const port = Number(one(query.port));
  return {
    ...(host && host.length <= 255 && /^[\w.:[\]-]+$/.test(host) ? { host } : {}),
    ...(Number.isInteger(port) && port >= 1 && port <= 65535 ? { port } : {}),
    ...(one(query.protocol) === "udp" ? { protocol: "udp" as const } : {}),
    ...(one(query.expect) === "closed" ? { expect: "closed" as const } : {}),
  };
}

export default async function NewMonitorPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = (await currentUser(await headers()))!;
  return (
    <div className="max-w-2xl">
      <h1 className="mb-6 text-2xl font-bold">Add a monitor</h1>
      <MonitorForm minIntervalSeconds={env().MONITOR_MIN_INTERVAL_SECONDS} regionChoices={await regionChoices()} initial={prefill(await searchParams)} channels={await channelChoices(db(), user.id)} />
    </div>
  );
}
