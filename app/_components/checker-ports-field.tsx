"use client";
// The checker's ports: a list with ranges, and quick picks of common ports.
import { type RefObject, useId } from "react";
import { splitPortsText } from "@/lib/checks/ports";

const QUICK_PICKS: { port: number; label: string }[] = [
  { port: 21, label: "FTP" },
  { port: 22, label: "SSH" },
  { port: 25, label: "SMTP" },
  { port: 80, label: "HTTP" },
  { port: 443, label: "HTTPS" },
  { port: 3306, label: "MySQL" },
  { port: 3389, label: "RDP" },
  { port: 5900, label: "VNC" },
  { port: 8080, label: "HTTP alt" },
  { port: 25565, label: "Minecraft" },
];

export function PortsField({ inputRef, value, onChange, error, maxPorts }: { inputRef: RefObject<HTMLInputElement | null>; value: string; onChange: (next: string) => void; error: string | null; maxPorts: number }) {
  const ids = { ports: useId(), error: useId() };
  const selected = new Set(splitPortsText(value));
  function togglePort(port: number) {
    const items = splitPortsText(value);
    const next = selected.has(String(port)) ? items.filter((item) => item !== String(port)) : [...items, String(port)];
    onChange(next.join(", "));
  }
  return (
    <div>
      <label htmlFor={ids.ports} className="block font-medium">
        Ports
      </label>
      <input
        id={ids.ports}
        ref={inputRef}
        name="ports"
        type="text"
        autoComplete="off"
        spellCheck={false}
        placeholder="22, 80, 8000-8010"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${ids.ports}-hint${error ? ` ${ids.error}` : ""}`}
        className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2 font-mono dark:border-slate-700 dark:bg-slate-900"
      />
      <p id={`${ids.ports}-hint`} className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        Separate ports with commas or spaces; ranges like 8000-8010 work. Up to {maxPorts} ports.
      </p>
      {error && (
        <p id={ids.error} role="alert" className="mt-1 text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      <fieldset className="mt-3">
        <legend className="text-sm text-slate-600 dark:text-slate-400">Common ports</legend>
        <div className="mt-1 flex flex-wrap gap-2">
          {QUICK_PICKS.map(({ port, label }) => (
            <button
              key={port}
              type="button"
              aria-pressed={selected.has(String(port))}
              onClick={() => togglePort(port)}
              className="rounded-full border border-slate-300 px-3 py-1 text-sm hover:border-blue-500 aria-pressed:border-blue-600 aria-pressed:bg-blue-600 aria-pressed:text-white dark:border-slate-700 dark:aria-pressed:border-blue-400 dark:aria-pressed:bg-blue-500"
            >
              {port} <span className="opacity-80">{label}</span>
            </button>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
