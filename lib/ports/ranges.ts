// The three IANA port ranges (RFC 6335): what a port number alone tells you.

export type RangeName = "well-known" | "registered" | "dynamic";

export interface PortRange {
  name: RangeName;
  title: string;
  from: number;
  to: number;
  meaning: string;
}

export const MIN_PORT_NUMBER = 0;
export const MAX_PORT_NUMBER = 65535;

export const PORT_RANGES: readonly PortRange[] = [
  {
    name: "well-known",
    title: "Well-known port",
    from: 0,
    to: 1023,
    meaning:
      "Ports 0 to 1023 are the well-known (system) ports. IANA assigns them to core services such as SSH (22), HTTP (80) and HTTPS (443); on most systems only an administrator may open them.",
  },
  {
    name: "registered",
    title: "Registered port",
    from: 1024,
    to: 49151,
    meaning:
      "Ports 1024 to 49151 are registered (user) ports. IANA records which application asked for each, but any program can use them, so the registry says what usually runs here, not what does.",
  },
  {
    name: "dynamic",
    title: "Dynamic or private port",
    from: 49152,
    to: 65535,
    meaning:
      "Ports 49152 to 65535 are dynamic, private or ephemeral ports. IANA never assigns them: operating systems pick them for the client side of outgoing connections, and programs may use them freely.",
  },
];

export function isPortNumber(value: number): boolean {
  return Number.isInteger(value) && value >= MIN_PORT_NUMBER && value <= MAX_PORT_NUMBER;
}

export function portRange(port: number): PortRange {
  const range = isPortNumber(port) ? PORT_RANGES.find((candidate) => port >= candidate.from && port <= candidate.to) : undefined;
  if (!range) throw new RangeError(`${port} is not a port number (0 to ${MAX_PORT_NUMBER})`);
  return range;
}

/** A port from a URL segment ("22", "0443"), or null when it is not one. */
export function parsePortParam(text: string): number | null {
  if (!/^\d{1,5}$/.test(text)) return null;
  const port = Number(text);
  return isPortNumber(port) ? port : null;
}
