// /sign-in. Someone already signed in goes straight on: to ?next= when it is a path of this site, else the dashboard.
import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { Suspense } from "react";
import { SignInForm } from "@/app/_components/sign-in-form";
import { safeNextPath } from "@/lib/auth/next-path";
import { currentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

export const dynamic = "force-dynamic";

export default async function Page({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const user = await currentUser(await headers()).catch(() => null);
  if (user) {
    const next = (await searchParams).next;
    redirect(safeNextPath(Array.isArray(next) ? next[0] : next) ?? "/dashboard");
  }
  return (
    <div className="mx-auto max-w-md">
      <h1 className="mb-6 text-2xl font-bold">Sign in</h1>
      <Suspense>
        <SignInForm />
      </Suspense>
    </div>
  );
}
