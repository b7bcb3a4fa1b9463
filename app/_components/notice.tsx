"use client";
// The confirmation named by ?notice=... (notices.ts): the address is confirmed, the account deleted...
import { useSearchParams } from "next/navigation";
import { type NoticeCode, NOTICES } from "./notices";

export function Notice() {
  const code = useSearchParams().get("notice");
  if (!code || !(code in NOTICES)) return null;
  return (
    <p role="status" data-testid="notice" className="mb-6 rounded-md border border-green-300 bg-green-50 p-3 text-sm text-green-900 dark:border-green-800 dark:bg-green-950 dark:text-green-200">
      {NOTICES[code as NoticeCode]}
    </p>
  );
}
