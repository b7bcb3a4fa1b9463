"use client";
// Recovery codes, shown once: each signs in once when the authenticator app is not at hand.
import { useState } from "react";
import { secondaryButtonClass } from "./form";

export function RecoveryCodes({ codes }: { codes: string[] }) {
  const [copied, setCopied] = useState(false);
  const text = `Portcheck recovery codes (each works once):\n${codes.join("\n")}\n`;
  return (
    <div className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4 dark:border-amber-800 dark:bg-amber-950" data-testid="recovery-codes">
      <p className="font-semibold">Save these recovery codes now: they are not shown again.</p>
      <p className="text-sm">If you lose your phone, each code signs you in once instead of a code from the app.</p>
      <ul className="grid grid-cols-2 gap-x-6 gap-y-1 font-mono text-sm">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ul>
      <div className="flex flex-wrap gap-3">
        <button
          type="button"
          className={secondaryButtonClass}
          onClick={async () => {
            await navigator.clipboard.writeText(text).catch(() => null);
            setCopied(true);
          }}
        >
          {copied ? "Copied" : "Copy"}
        </button>
        <a className={secondaryButtonClass} download="portcheck-recovery-codes.txt" href={`data:text/plain;charset=utf-8,${encodeURIComponent(text)}`}>
          Download
        </a>
      </div>
    </div>
  );
}
