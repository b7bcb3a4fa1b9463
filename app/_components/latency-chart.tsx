"use client";
// Handshake latency over time with uPlot: a time axis in the reader's zone, a millisecond axis, a line
// per region that breaks where a run had no handshake, and outages shaded. A caption summarises it in words.
import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

export interface LatencySeries {
  region: string;
  /** Latency per timestamp of `times`; null where the run had no handshake (down, filtered...). */
  values: (number | null)[];
}

export interface LatencyChartProps {
  /** Seconds since the epoch, ascending. */
  times: number[];
  series: LatencySeries[];
  /** Outages in seconds; `end` null while ongoing. */
  outages: { start: number; end: number | null }[];
  /** "Outage" or "Exposure": what the shaded bands are called. */
  outageWord: string;
}

const LINE_COLORS = { light: ["#2563eb", "#9333ea", "#0d9488", "#ca8a04"], dark: ["#60a5fa", "#c084fc", "#2dd4bf", "#facc15"] };

function shadeOutages(outages: LatencyChartProps["outages"], dark: boolean): uPlot.Plugin {
  return {
    hooks: {
      drawClear: (plot) => {
        const { ctx, bbox } = plot;
        const [min, max] = [plot.scales.x!.min!, plot.scales.x!.max!];
        ctx.save();
        ctx.fillStyle = dark ? "rgba(248,113,113,0.22)" : "rgba(220,38,38,0.14)";
        for (const outage of outages) {
          const start = Math.max(outage.start, min);
          const end = Math.min(outage.end ?? max, max);
          if (end <= start) continue;
          const left = plot.valToPos(start, "x", true);
          ctx.fillRect(left, bbox.top, Math.max(2, plot.valToPos(end, "x", true) - left), bbox.height);
        }
        ctx.restore();
      },
    },
  };
}

function summary({ series, outages, outageWord }: LatencyChartProps): string {
  const values = series.flatMap((line) => line.values.filter((value): value is number => value !== null));
  if (values.length === 0) return "No handshake measured in the last 24 hours.";
  const average = values.reduce((sum, value) => sum + value, 0) / values.length;
  const sorted = [...values].sort((a, b) => a - b);
  const p95 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))]!;
  const shaded = outages.length === 0 ? "" : ` · ${outages.length} ${outageWord.toLowerCase()}${outages.length === 1 ? "" : "s"} shaded`;
  return `Average ${average.toFixed(1)} ms · 95th percentile ${p95.toFixed(1)} ms · highest ${sorted.at(-1)!.toFixed(1)} ms · ${values.length} measurements${shaded}`;
}

export function LatencyChart(props: LatencyChartProps) {
  const box = useRef<HTMLDivElement>(null);
  const { times, series, outages } = props;

  useEffect(() => {
    const element = box.current;
    if (!element || times.length < 2) return;
    const media = window.matchMedia("(prefers-color-scheme: dark)");
    let plot: uPlot | undefined;
    const draw = () => {
      plot?.destroy();
      const dark = media.matches;
      const ink = dark ? "#cbd5e1" : "#334155";
      const grid = dark ? "rgba(148,163,184,0.18)" : "rgba(100,116,139,0.18)";
      const axis = { stroke: ink, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
      const colors = dark ? LINE_COLORS.dark : LINE_COLORS.light;
      // The time axis runs to now, so an ongoing outage (no measurements, only failed runs) is visible.
      const from = Math.min(times[0]!, ...outages.map((outage) => outage.start));
      const to = Math.max(times.at(-1)!, ...outages.map((outage) => outage.end ?? Date.now() / 1000), Date.now() / 1000);
      plot = new uPlot(
        {
          width: Math.max(240, element.clientWidth),
          height: 200,
          legend: { show: series.length > 1 },
          cursor: { drag: { x: false, y: false } },
          scales: { x: { time: true, range: () => [from, to] }, y: { range: (_plot, _min, max) => [0, Math.max(1, max) * 1.15] } },
          axes: [{ ...axis, space: 80 }, { ...axis, label: "ms", size: 56, values: (_plot, ticks) => ticks.map((tick) => `${+tick.toFixed(1)}`) }],
          series: [{}, ...series.map((line, index) => ({ label: line.region, stroke: colors[index % colors.length], width: 2, points: { show: false }, spanGaps: false }))],
          plugins: [shadeOutages(outages, dark)],
        },
        [times, ...series.map((line) => line.values)] as uPlot.AlignedData,
        element,
      );
    };
    draw();
    const resize = new ResizeObserver(() => plot?.setSize({ width: Math.max(240, element.clientWidth), height: 200 }));
    resize.observe(element);
    media.addEventListener("change", draw);
    return () => {
      resize.disconnect();
      media.removeEventListener("change", draw);
      plot?.destroy();
    };
  }, [times, series, outages]);

  if (times.length < 2) return <p className="text-sm text-slate-600 dark:text-slate-400">Not enough measurements yet.</p>;
  const words = summary(props);
  return (
    <figure>
      <div ref={box} role="img" aria-label={`Latency over the last 24 hours. ${words}`} data-testid="latency-chart" className="w-full min-h-[200px]" />
      <figcaption className="mt-1 text-sm text-slate-600 dark:text-slate-400">
        {words}
        {outages.length > 0 && (
          <span className="ml-2 inline-flex items-center gap-1">
            <span aria-hidden className="inline-block h-3 w-3 rounded-sm bg-red-600/20 dark:bg-red-400/30" /> {props.outageWord}
          </span>
        )}
      </figcaption>
    </figure>
  );
}
