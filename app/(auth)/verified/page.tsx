// /verified: where confirmation links land (sign-up, sign-in of an unconfirmed address, a new address).
// A good link has signed the person in: on to the page they wanted, saying so. A bad one: say why.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { withNotice } from "@/app/_components/notices";
import { safeNextPath } from "@/lib/auth/next-path";

export const metadata: Metadata = { title: "Confirm your e-mail address", robots: { index: false } };

type Search = Promise<{ error?: string; next?: string; notice?: string }>;

export default async function Page({ searchParams }: { searchParams: Search }) {
  const { error, next, notice } = await searchParams;
  if (!error) redirect(withNotice(safeNextPath(next) ?? "/dashboard", notice === "email-changed" ? "email-changed" : "email-verified"));
  const expired = error.toUpperCase() === "TOKEN_EXPIRED";
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{expired ? "This link has expired" : "This link does not work"}</h1>
      <p role="alert">
        {expired ? "Confirmation links work for an hour." : "It may have been cut short, or the address was changed since."} Sign in with your e-mail and
        password: if the address is not confirmed yet, we send you a new link.
      </p>
      <p>
        <Link href="/sign-in" className="text-blue-700 underline dark:text-blue-400">Sign in</Link>
      </p>
    </div>
  );
}
