"use client";
// The header's right end: who is signed in (the e-mail, cut short on narrow screens) and Sign out, or
// Sign in. Asked of /api/auth/get-session in the browser, so the site's pages stay static.
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useState } from "react";

type Who = { email: string } | null | undefined; // undefined: not known yet

export function HeaderAccount() {
  const pathname = usePathname();
  const router = useRouter();
  const [who, setWho] = useState<Who>(undefined);

  useEffect(() => {
    let current = true;
    fetch("/api/auth/get-session", { cache: "no-store" })
      .then((response) => (response.ok ? response.json() : null))
      .then((session: { user?: { email?: string } } | null) => current && setWho(session?.user?.email ? { email: session.user.email } : null))
      .catch(() => current && setWho(null));
    return () => {
      current = false;
    };
  }, [pathname]);

  async function signOut() {
    await fetch("/api/auth/sign-out", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" }).catch(() => null);
    setWho(null);
    router.push("/?notice=signed-out");
    router.refresh();
  }

  if (who === undefined) return <span className="h-5 w-16" aria-hidden="true" />;
  if (who === null) {
    return (
      <Link href="/sign-in" className="text-sm font-medium text-blue-700 hover:underline dark:text-blue-400">
        Sign in
      </Link>
    );
  }
  return (
    <div className="flex min-w-0 items-center gap-3 text-sm" data-testid="header-account">
      <Link href="/settings" title={`Signed in as ${who.email}`} className="min-w-0 max-w-[8.5rem] truncate text-slate-700 hover:underline sm:max-w-[16rem] dark:text-slate-300">
        <span className="sr-only">Signed in as </span>
        {who.email}
      </Link>
      <button type="button" onClick={signOut} className="shrink-0 font-medium text-blue-700 hover:underline dark:text-blue-400">
        Sign out
      </button>
    </div>
  );
}
