// Signed-in area: every page here needs a session (otherwise: sign in).
import { headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser(await headers());
  if (!user) redirect("/sign-in");
  return (
    <div>
      <nav aria-label="Account" className="mb-6 flex flex-wrap items-center gap-4 border-b border-slate-200 pb-3 text-sm dark:border-slate-800">
        <Link href="/dashboard" className="font-medium">Monitors</Link>
        <Link href="/monitors/new">Add monitor</Link>
        <Link href="/status-pages">Status pages</Link>
        <Link href="/channels">Channels</Link>
        <Link href="/settings">Settings</Link>
        <span className="ml-auto text-slate-500 dark:text-slate-400">{user.email}</span>
      </nav>
      {children}
    </div>
  );
}
