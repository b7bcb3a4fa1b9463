// A verdict as a badge: its colour and icon come from the one table of verdict states, and the icons are
// inline SVG, so every system draws them.
import { type Icon, type ResultState, stateText, type Tone } from "@/lib/probes/verdict-states";

export const TONE_CLASSES: Record<Tone, string> = {
  neutral: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
  good: "bg-green-100 text-green-800 dark:bg-green-950 dark:text-green-300",
  bad: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
  warn: "bg-amber-100 text-amber-900 dark:bg-amber-950 dark:text-amber-300",
  unknown: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200",
  error: "bg-purple-100 text-purple-900 dark:bg-purple-950 dark:text-purple-300",
};

const PATHS: Record<Icon, string> = {
  clock: "M12 7v5l3 2M21 12a9 9 0 1 1-18 0 9 9 0 0 1 18 0Z",
  check: "m5 13 4 4L19 7",
  cross: "M6 6l12 12M18 6 6 18",
  shield: "M12 3 4 6v6c0 5 3.5 8 8 9 4.5-1 8-4 8-9V6l-8-3Z",
  question: "M9 9a3 3 0 1 1 4 2.8c-.6.3-1 .9-1 1.6V14m0 3h.01",
  alert: "M12 8v5m0 3h.01M10.3 3.9 2.5 18a2 2 0 0 0 1.7 3h15.6a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z",
};

export function VerdictIcon({ icon, className = "h-4 w-4" }: { icon: Icon; className?: string }) {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2.2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" className={className}>
      <path d={PATHS[icon]} />
    </svg>
  );
}

export function VerdictBadge({ state }: { state: ResultState }) {
  const text = stateText(state);
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2.5 py-0.5 text-sm font-medium whitespace-nowrap ${TONE_CLASSES[text.tone]}`}>
      <VerdictIcon icon={text.icon} className={`h-3.5 w-3.5 ${state === "pending" ? "animate-pulse" : ""}`} />
      {text.label}
    </span>
  );
}
