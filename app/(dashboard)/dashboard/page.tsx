// /dashboard: the signed-in user's monitors at a glance.
import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { AutoRefresh } from "@/app/_components/auto-refresh";
import { VerifyEmailNotice } from "@/app/_components/verify-email-notice";
import { formatUptime, MonitorStateBadge } from "@/app/_components/monitor-state";
import { MonitorTransfer } from "@/app/_components/monitor-transfer";
import { rowClass, Table } from "@/app/_components/table";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listMonitors } from "@/lib/monitors/queries";

export const metadata: Metadata = { title: "Your monitors" };

export default async function DashboardPage() {
  const user = (await currentUser(await headers()))!;
  const { items: monitors } = await listMonitors(db(), user.id);
  return (
    <div>
      <AutoRefresh seconds={10} />
      {!user.emailVerified && <VerifyEmailNotice email={user.email} />}
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-bold">Your monitors</h1>
        <Link href="/monitors/new" className="rounded-md bg-blue-600 px-4 py-2 font-semibold text-white hover:bg-blue-700 dark:bg-blue-500">
          Add monitor
        </Link>
      </div>
      {monitors.length === 0 ? (
        <p className="mt-6 text-slate-600 dark:text-slate-400">
          No monitors yet. A monitor checks one host and port on a schedule and tells you when it stops being reachable, or when a port that must stay closed opens.
        </p>
      ) : (
        <Table columns={["Monitor", "Target", "State", "Uptime 24 h", "30 d"]}>
            {monitors.map((monitor) => (
              <tr key={monitor.id} className={rowClass} data-testid="monitor-row">
                <td className="py-2 pr-3">
                  <Link href={`/monitors/${monitor.id}`} className="font-medium text-blue-700 underline dark:text-blue-400">
                    {monitor.name}
                  </Link>
                </td>
                <td className="py-2 pr-3 font-mono">
                  {monitor.host}:{monitor.port} <span className="font-sans text-slate-500">({monitor.expect === "open" ? "must be open" : "must stay closed"})</span>
                </td>
                <td className="py-2 pr-3">
                  <MonitorStateBadge state={monitor.state} expect={monitor.expect} />
                </td>
                <td className="py-2 pr-3">{formatUptime(monitor.uptime["24h"])}</td>
                <td className="py-2">{formatUptime(monitor.uptime["30d"])}</td>
              </tr>
            ))}
          </Table>
      )}
      <MonitorTransfer />
    </div>
  );
}
