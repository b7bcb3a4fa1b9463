// Handshake latency over time as an SVG line (no chart library, no client JavaScript).
export function LatencyChart({ points }: { points: { at: number; ms: number }[] }) {
  if (points.length < 2) return <p className="text-sm text-slate-600 dark:text-slate-400">Not enough measurements yet.</p>;
  const width = 600;
  const height = 120;
  const from = points[0]!.at;
  const span = Math.max(1, points.at(-1)!.at - from);
  const max = Math.max(...points.map((point) => point.ms), 1);
  const path = points
    .map((point, index) => `${index === 0 ? "M" : "L"}${(((point.at - from) / span) * width).toFixed(1)},${(height - (point.ms / max) * (height - 10)).toFixed(1)}`)
    .join(" ");
  const average = points.reduce((sum, point) => sum + point.ms, 0) / points.length;
  return (
    <figure>
      <svg viewBox={`0 0 ${width} ${height}`} className="h-32 w-full text-blue-600 dark:text-blue-400" role="img" aria-label={`Latency over the last 24 hours: average ${average.toFixed(1)} ms, highest ${max.toFixed(1)} ms`}>
        <path d={path} fill="none" stroke="currentColor" strokeWidth="2" vectorEffect="non-scaling-stroke" />
      </svg>
      <figcaption className="text-sm text-slate-600 dark:text-slate-400">
        Average {average.toFixed(1)} ms · highest {max.toFixed(1)} ms · {points.length} measurements
      </figcaption>
    </figure>
  );
}
