// Search the port registry by number or by service name, for the /ports index.
import { PORT_NOTES } from "./notes";
import { isPortNumber } from "./ranges";
import { ianaEntries, ianaService } from "./services";

export interface PortMatch {
  port: number;
  name: string;
  description: string;
}

export const MAX_QUERY_LENGTH = 64;

/** Ports whose number, IANA service name, description or curated note title matches the query. */
export function searchPorts(query: string, limit = 50): PortMatch[] {
  const text = query.trim().toLowerCase().slice(0, MAX_QUERY_LENGTH);
  if (!text) return [];
  if (/^\d+$/.test(text)) {
    const port = Number(text);
    if (!isPortNumber(port)) return [];
    const service = ianaService(port, "tcp") ?? ianaService(port, "udp");
    return [{ port, name: service?.name ?? "", description: service?.description ?? "" }];
  }
  // Lower score first: curated titles, exact names, name prefixes, then any mention.
  const best = new Map<number, PortMatch & { score: number }>();
  const consider = (port: number, name: string, description: string, score: number) => {
    const known = best.get(port);
    if (!known || score < known.score) best.set(port, { port, name, description, score });
  };
  for (const note of PORT_NOTES) {
    if (note.title.toLowerCase().includes(text)) for (const port of note.ports) consider(port, note.title, note.text, 0);
  }
  for (const { port, name, description } of ianaEntries()) {
    const lowerName = name.toLowerCase();
    if (lowerName === text) consider(port, name, description, 1);
    else if (lowerName.startsWith(text)) consider(port, name, description, 2);
    else if (lowerName.includes(text) || description.toLowerCase().includes(text)) consider(port, name, description, 3);
  }
  return [...best.values()]
    .sort((a, b) => a.score - b.score || a.port - b.port)
    .slice(0, limit)
    .map(({ port, name, description }) => ({ port, name, description }));
}
