"use client";
// The checker's less common options: the address family and TLS.
import { useId } from "react";

type Family = "both" | "4" | "6";
type Tls = "auto" | "on" | "off";

export function CheckerOptions({ family, onFamily, tls, onTls, protocol }: { family: Family; onFamily: (value: Family) => void; tls: Tls; onTls: (value: Tls) => void; protocol: "tcp" | "udp" }) {
  const familyId = useId();
  const tlsId = useId();
  return (
    <details className="rounded-md border border-slate-200 p-3 text-sm dark:border-slate-800">
      <summary className="cursor-pointer font-medium">More options: IPv4 or IPv6, TLS</summary>
      <div className="mt-3 grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor={familyId} className="block font-medium">
            Address family
          </label>
          <select id={familyId} value={family} onChange={(event) => onFamily(event.target.value as Family)} className="mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 dark:border-slate-700 dark:bg-slate-900">
            <option value="both">IPv4 and IPv6, side by side</option>
            <option value="4">IPv4 only</option>
            <option value="6">IPv6 only</option>
          </select>
        </div>
        <div>
          <label htmlFor={tlsId} className="block font-medium">
            TLS (TCP)
          </label>
          <select id={tlsId} value={tls} disabled={protocol === "udp"} onChange={(event) => onTls(event.target.value as Tls)} className="mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 disabled:opacity-60 dark:border-slate-700 dark:bg-slate-900">
            <option value="auto">Automatic: TLS on 443, 465, 993…; STARTTLS on 25, 587, 143…</option>
            <option value="on">Always try TLS</option>
            <option value="off">Never</option>
          </select>
        </div>
      </div>
    </details>
  );
}
