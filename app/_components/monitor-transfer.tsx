"use client";
// Export monitors (CSV or JSON) and import a file of them, all or nothing, with the error of each bad row.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormError, secondaryButtonClass } from "./form";

export function MonitorTransfer() {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [rows, setRows] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);

  async function importFile(file: File) {
    setError(null);
    setRows([]);
    setDone(null);
    const type = file.name.toLowerCase().endsWith(".csv") || file.type === "text/csv" ? "text/csv" : "application/json";
    const response = await fetch("/api/v1/monitors/import", { method: "POST", headers: { "content-type": type }, body: await file.text() }).catch(() => null);
    if (!response) return setError("Portcheck could not be reached.");
    const body = (await response.json().catch(() => ({}))) as { detail?: string; errors?: { path: string; message: string }[]; monitors?: unknown[] };
    if (!response.ok) {
      setError(body.detail ?? "The file could not be imported.");
      // rows/3/port -> "Row 4, port: ..." (rows count from 1 for people, from 0 in the API).
      setRows((body.errors ?? []).map((item) => item.path.replace(/^rows\/(\d+)\/?/, (_, row: string) => `Row ${Number(row) + 1}${item.path.split("/").length > 2 ? ", " : ""}`) + `: ${item.message}`));
      return;
    }
    setDone(`Imported ${body.monitors?.length ?? 0} monitors.`);
    router.refresh();
  }

  return (
    <details className="mt-6 rounded-md border border-slate-200 p-3 text-sm dark:border-slate-800">
      <summary className="cursor-pointer font-medium">Import and export</summary>
      <div className="mt-3 flex flex-wrap items-center gap-3">
        <a href="/api/v1/monitors/export?format=csv" className={secondaryButtonClass} download>
          Export CSV
        </a>
        <a href="/api/v1/monitors/export?format=json" className={secondaryButtonClass} download>
          Export JSON
        </a>
        <label className={`${secondaryButtonClass} cursor-pointer`}>
          Import a file…
          <input
            type="file"
            accept=".csv,.json,text/csv,application/json"
            className="sr-only"
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = "";
              if (file) void importFile(file);
            }}
          />
        </label>
      </div>
      <p className="mt-2 text-slate-600 dark:text-slate-400">CSV columns: name,host,port,intervalSeconds,expect. Up to 500 monitors; a file with a bad row imports nothing.</p>
      {done && (
        <p role="status" className="mt-2 text-green-700 dark:text-green-400">
          {done}
        </p>
      )}
      <FormError message={error} />
      {rows.length > 0 && (
        <ul className="mt-2 list-disc pl-6 text-red-800 dark:text-red-300" data-testid="import-errors">
          {rows.map((row) => (
            <li key={row}>{row}</li>
          ))}
        </ul>
      )}
    </details>
  );
}
