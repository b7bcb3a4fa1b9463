// /checks/{id}: the permalink of a check, rendered with what is known, then live until it ends.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CheckResults } from "@/app/_components/check-results";
import { RelativeTime } from "@/app/_components/relative-time";
import { checkSummary } from "@/lib/checks/check-summary";
import { getCheck } from "@/lib/checks/get-check";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

/** Link previews say what the check found: "1 of 2 ports open on example.com". */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const check = await getCheck(db(), (await params).id);
  if (!check) return { title: "Port check not found", robots: { index: false } };
  const summary = checkSummary(check);
  const description = `A ${check.protocol.toUpperCase()} check of ${check.host}, ports ${check.ports.slice(0, 10).join(", ")}${check.ports.length > 10 ? "…" : ""}, by Portcheck.`;
  return { title: summary, description, robots: { index: false }, openGraph: { title: summary, description, type: "website" } };
}

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
      <h1 className="mt-2 text-2xl font-bold">{check.preset === "exposure" ? "Exposure scan" : "Port check"}</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Started <RelativeTime iso={check.createdAt} />
      </p>
      <CheckResults initial={check} />
    </>
  );
}
