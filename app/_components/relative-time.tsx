"use client";
// A time as the reader wants it: "4 min ago" in words, the exact time in their own time zone on hover.
// The server renders the UTC time; the browser replaces it with the relative one and keeps it fresh.
import { useEffect, useState } from "react";

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400],
  ["hour", 3600],
  ["minute", 60],
  ["second", 1],
];

export function relativeWords(iso: string, now: number): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000);
  if (Math.abs(seconds) < 5) return "just now";
  const format = new Intl.RelativeTimeFormat(undefined, { numeric: "auto", style: "short" });
  for (const [unit, size] of UNITS) if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  return format.format(seconds, "second");
}

export function RelativeTime({ iso, prefix = "" }: { iso: string; prefix?: string }) {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  const exact = now === null ? `${iso.replace("T", " ").slice(0, 16)} UTC` : new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "medium" });
  return (
    <time dateTime={iso} title={exact} suppressHydrationWarning>
      {prefix}
      {now === null ? exact : relativeWords(iso, now)}
    </time>
  );
}
