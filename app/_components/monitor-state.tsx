// A monitor's state as a coloured badge, and uptime as a percentage.
const STYLES = {
  up: "bg-green-100 text-green-800 dark:bg-green-950 dark:text-green-300",
  degraded: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-300",
  down: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
  pending: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
  paused: "bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-200",
} as const;
const LABELS = { up: "Up", degraded: "Slow", down: "Down", pending: "Pending", paused: "Paused" } as const;

export function MonitorStateBadge({ state }: { state: keyof typeof STYLES }) {
  return (
    <span data-testid="monitor-state" data-state={state} className={`inline-block rounded-full px-2.5 py-0.5 text-sm font-medium ${STYLES[state]}`}>
      {LABELS[state]}
    </span>
  );
}

export function formatUptime(value: number | null): string {
  return value === null ? "—" : `${value.toFixed(value === 100 ? 0 : 2)}%`;
}
