// The last results of a monitor as a row of small bars coloured by outcome (the "heartbeat bar"),
// newest on the right; empty slots until there are enough results. Each bar names its time and verdict.
import type { Beat } from "@/lib/monitors/recent-beats";

const COLOURS = { up: "bg-green-500 dark:bg-green-400", degraded: "bg-amber-400 dark:bg-amber-300", down: "bg-red-600 dark:bg-red-400" } as const;

export function HeartbeatBar({ beats, slots = 90, expect = "open", className = "" }: { beats: Beat[]; slots?: number; expect?: "open" | "closed"; className?: string }) {
  const shown = beats.slice(-slots);
  const count = (observation: Beat["observation"]) => shown.filter((beat) => beat.observation === observation).length;
  const bad = expect === "closed" ? "exposed" : "down";
  const maintenance = shown.filter((beat) => beat.maintenance).length;
  const label = shown.length === 0 ? "No results yet" : `Last ${shown.length} results: ${count("up")} up, ${count("degraded")} slow, ${count("down")} ${bad}${maintenance ? `, ${maintenance} during maintenance` : ""}`;
  return (
    <div role="img" aria-label={label} data-testid="heartbeat-bar" className={`flex h-6 items-stretch gap-px ${className}`}>
      {Array.from({ length: slots - shown.length }, (_, index) => (
        <span key={`empty-${index}`} className="min-w-0 flex-1 rounded-sm bg-slate-200 dark:bg-slate-800" />
      ))}
      {shown.map((beat, index) => (
        <span
          key={index}
          data-observation={beat.observation}
          data-maintenance={beat.maintenance || undefined}
          title={`${beat.checkedAt.replace("T", " ").slice(0, 19)} UTC · ${beat.region} · ${beat.state}${beat.latencyMs !== null ? ` · ${beat.latencyMs.toFixed(1)} ms` : ""}${beat.maintenance ? " · maintenance" : ""}`}
          // During maintenance a result is kept but counts for nothing: blue, its verdict in the title.
          className={`min-w-0 flex-1 rounded-sm ${beat.maintenance ? "bg-blue-400 dark:bg-blue-500" : COLOURS[beat.observation]}`}
        />
      ))}
    </div>
  );
}
