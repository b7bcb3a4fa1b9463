// Signed-in area: every page here needs a session (otherwise: sign in, then come back here).
import { headers } from "next/headers";
import Link from "next/link";
import { redirect } from "next/navigation";
import { signInPath } from "@/lib/auth/next-path";
import { currentUser } from "@/lib/auth/session";
import { requestPath } from "@/lib/http/request-path";

export const dynamic = "force-dynamic";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const requestHeaders = await headers();
  const user = await currentUser(requestHeaders);
  if (!user) redirect(signInPath(requestPath(requestHeaders)));
  return (
    <div>
      <nav aria-label="Account" className="mb-6 flex flex-wrap items-center gap-4 border-b border-slate-200 pb-3 text-sm dark:border-slate-800">
        <Link href="/dashboard" className="font-medium">Monitors</Link>
        <Link href="/monitors/new">Add monitor</Link>
        <Link href="/status-pages">Status pages</Link>
        <Link href="/maintenance">Maintenance</Link>
        <Link href="/channels">Channels</Link>
        <Link href="/settings">Settings</Link>
      </nav>
      {children}
    </div>
  );
}
