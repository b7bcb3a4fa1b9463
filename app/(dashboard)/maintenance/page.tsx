// /maintenance: the account's maintenance windows, and the form to plan or change one.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { MaintenanceWindows } from "@/app/_components/maintenance-windows";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listMaintenanceWindows } from "@/lib/maintenance/manage-windows";
import { listMonitors } from "@/lib/monitors/queries";
import { listStatusPages } from "@/lib/status-pages/manage-status-pages";

export const metadata: Metadata = { title: "Maintenance" };
export const dynamic = "force-dynamic";

export default async function MaintenancePage() {
  const user = (await currentUser(await headers()))!;
  const [windows, { items: monitors }, pages] = await Promise.all([listMaintenanceWindows(db(), user.id), listMonitors(db(), user.id, { limit: 500 }), listStatusPages(db(), user.id)]);
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold">Maintenance</h1>
      <p className="text-slate-600 dark:text-slate-400">
        Planned work without false alarms. While a window is on, its monitors keep checking and recording results, but no incident opens and no alert is sent, and status pages say
        &ldquo;maintenance&rdquo;. If a port is still down when the window ends, the next check opens the incident and alerts as usual. Time spent in maintenance does not count against uptime.
      </p>
      <MaintenanceWindows
        windows={windows}
        monitors={monitors.map((monitor) => ({ id: monitor.id, name: monitor.name }))}
        statusPages={pages.map((page) => ({ id: page.id, name: `${page.title} (status page)` }))}
      />
    </div>
  );
}
