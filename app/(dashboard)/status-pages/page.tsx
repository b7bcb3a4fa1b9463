// /status-pages: the account's public status pages, and the form to publish one.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { StatusPages } from "@/app/_components/status-page-form";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { listMonitors } from "@/lib/monitors/queries";
import { listStatusPages } from "@/lib/status-pages/manage-status-pages";

export const metadata: Metadata = { title: "Status pages" };
export const dynamic = "force-dynamic";

export default async function StatusPagesPage() {
  const user = (await currentUser(await headers()))!;
  const [pages, { items: monitors }] = await Promise.all([listStatusPages(db(), user.id), listMonitors(db(), user.id, { limit: 500 })]);
  return (
    <div className="max-w-3xl space-y-6">
      <h1 className="text-2xl font-bold">Status pages</h1>
      <p className="text-slate-600 dark:text-slate-400">
        A public page, with no login, showing the monitors you choose: their state, 90 days of daily uptime and their incidents, with a feed to follow. It shows the names you gave them, and hosts and ports only if you say so.
      </p>
      <StatusPages pages={pages} monitors={monitors.map((monitor) => ({ id: monitor.id, name: monitor.name }))} />
    </div>
  );
}
