// A monitor's state as a coloured badge (in the words that fit it: a closed-port monitor that opens is
// "Exposed"), and uptime as a percentage.
import { stateWord } from "@/lib/monitors/state-label";

const STYLES = {
  up: "bg-green-100 text-green-800 dark:bg-green-950 dark:text-green-300",
  degraded: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-300",
  down: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
  pending: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
  paused: "bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-200",
} as const;
export function MonitorStateBadge({ state, expect = "open", testId = "monitor-state" }: { state: keyof typeof STYLES; expect?: "open" | "closed"; testId?: string }) {
  return (
    <span data-testid={testId} data-state={state} className={`inline-block rounded-full px-2.5 py-0.5 text-sm font-medium ${STYLES[state]}`}>
      {stateWord(expect, state)}
    </span>
  );
}

export function formatUptime(value: number | null): string {
  return value === null ? "—" : `${value.toFixed(value === 100 ? 0 : 2)}%`;
}
