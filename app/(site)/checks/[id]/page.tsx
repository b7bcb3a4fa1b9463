// /checks/{id}: the permalink of a check, rendered with what is known, then live until it ends.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CheckResults } from "@/app/_components/check-results";
import { getCheck } from "@/lib/checks/get-check";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Port check result",
  robots: { index: false },
};

export default async function CheckPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const check = await getCheck(db(), id);
  if (!check) notFound();
  return (
    <>
      <p className="text-sm">
        <Link href="/" className="text-blue-700 underline underline-offset-2 dark:text-blue-400">
          ← New check
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-bold">Port check</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Started <time dateTime={check.createdAt}>{new Date(check.createdAt).toUTCString()}</time>
      </p>
      <CheckResults initial={check} />
    </>
  );
}
