// Port lists as people write them: 22, "80", "8000-8010", or the text "22, 80 443 8000-8010".
// Pure and dependency-free so the browser form and the API share it.

export const MIN_PORT = 1;
export const MAX_PORT = 65535;

export interface PortIssue {
  /** Index of the offending item in the list (for API error paths). */
  index: number;
  message: string;
}

export type PortsResult = { ok: true; ports: number[] } | { ok: false; issues: PortIssue[] };

/** Splits the ports text field into items: commas, spaces or semicolons separate them. */
export function splitPortsText(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/**
 * Expands and checks a list of ports and ranges. Returns the distinct ports in ascending order,
 * or every problem found. `max` bounds the number of distinct ports after expansion.
 */
export function parsePorts(items: readonly (number | string)[], max: number): PortsResult {
  const issues: PortIssue[] = [];
  const ports = new Set<number>();
  let tooMany = false;
  items.forEach((item, index) => {
    const range = parseItem(item);
    if (typeof range === "string") {
      issues.push({ index, message: range });
      return;
    }
    const [from, to] = range;
    if (to - from + 1 > max || tooMany) {
      tooMany = true;
      return;
    }
    for (let port = from; port <= to; port++) ports.add(port);
    if (ports.size > max) tooMany = true;
  });
  if (tooMany) issues.push({ index: -1, message: `At most ${max} ports per check.` });
  if (issues.length === 0 && ports.size === 0) issues.push({ index: -1, message: "Enter at least one port." });
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, ports: [...ports].sort((a, b) => a - b) };
}

function parseItem(item: number | string): [number, number] | string {
  if (typeof item === "number") {
    return isPort(item) ? [item, item] : `${item} is not a port: ports are whole numbers from ${MIN_PORT} to ${MAX_PORT}.`;
  }
  const text = String(item).trim();
  const match = /^(\d{1,5})(?:\s*-\s*(\d{1,5}))?$/.exec(text);
  if (!match) return `"${text.slice(0, 20)}" is not a port or a range such as 8000-8010.`;
  const from = Number(match[1]);
  const to = match[2] === undefined ? from : Number(match[2]);
  if (!isPort(from) || !isPort(to)) return `"${text}" is out of range: ports go from ${MIN_PORT} to ${MAX_PORT}.`;
  if (to < from) return `"${text}" is backwards: write the lower port first.`;
  return [from, to];
}

function isPort(value: number): boolean {
  return Number.isInteger(value) && value >= MIN_PORT && value <= MAX_PORT;
}
