"use client";
// Where a check or a monitor runs from: one checkbox per region, unavailable ones shown but not
// selectable. Shown only when there is more than one region to choose from.
import type { RegionChoice } from "@/lib/regions/region-choices";

export function RegionPicker({ regions, selected, onChange, legend = "Check from" }: { regions: RegionChoice[]; selected: string[]; onChange: (next: string[]) => void; legend?: string }) {
  if (regions.length < 2) return null;
  const toggle = (id: string) => onChange(selected.includes(id) ? selected.filter((item) => item !== id) : [...selected, id]);
  return (
    <fieldset data-testid="region-picker">
      <legend className="font-medium">{legend}</legend>
      <div className="mt-1 flex flex-wrap gap-2">
        {regions.map((region) => (
          <label
            key={region.id}
            className={`flex items-center gap-2 rounded-full border px-3 py-1 text-sm ${region.available ? "cursor-pointer border-slate-300 has-checked:border-blue-600 has-checked:bg-blue-50 dark:border-slate-700 dark:has-checked:bg-blue-950" : "border-dashed border-slate-300 text-slate-500 dark:border-slate-700 dark:text-slate-400"}`}
          >
            <input type="checkbox" name="regions" value={region.id} checked={selected.includes(region.id)} disabled={!region.available} onChange={() => toggle(region.id)} className="h-4 w-4 accent-blue-600" />
            <span className="font-mono">{region.id}</span>
            {region.label && <span className="text-slate-600 dark:text-slate-400">{region.label}</span>}
            {!region.available && <span className="text-xs">(unavailable)</span>}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The defaults that can be asked now, or the first available region. */
export function initialRegions(regions: RegionChoice[], defaults: string[]): string[] {
  const available = new Set(regions.filter((region) => region.available).map((region) => region.id));
  const chosen = defaults.filter((id) => available.has(id));
  return chosen.length ? chosen : [...available].slice(0, 1);
}
