// /monitors/new: add a monitor.
import type { Metadata } from "next";
import { MonitorForm } from "@/app/_components/monitor-form";
import { env } from "@/lib/env";
import { regionChoices } from "@/lib/regions/region-choices";

export const metadata: Metadata = { title: "Add a monitor" };

export const dynamic = "force-dynamic";

export default async function NewMonitorPage() {
  return (
    <div className="max-w-2xl">
      <h1 className="mb-6 text-2xl font-bold">Add a monitor</h1>
      <MonitorForm minIntervalSeconds={env().MONITOR_MIN_INTERVAL_SECONDS} regionChoices={await regionChoices()} />
    </div>
  );
}
