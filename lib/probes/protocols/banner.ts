// What answered on a port, as the protocol parsers in this folder report it. Every string in a
// Banner has been through sanitizeText, so it is safe to store and show as it is.
import { bannerText } from "./sanitize-text";

/** Game servers (Minecraft Java and Bedrock, Source engine): the same shape for all. */
export interface GameInfo {
  version: string | null;
  protocol: number | null;
  playersOnline: number | null;
  playersMax: number | null;
  /** Message of the day or server name, formatting codes removed. */
  motd: string;
  /** The map (Source) or level name (Bedrock), where the server says it. */
  map?: string;
}

export interface HttpInfo {
  status: number;
  statusLine: string;
  /** The Server header as sent (sanitised), or null without one. */
  server: string | null;
}

export interface DnsInfo {
  rcode: string;
  authoritative: boolean;
  recursionAvailable: boolean;
  answers: number;
}

export interface StunInfo {
  /** Our own public address and port as the STUN server saw them ("198.51.100.7:40000", "[2001:db8::1]:40000"). */
  mappedAddress: string | null;
}

export interface Banner {
  service: string;
  product: string | null;
  version: string | null;
  text: string;
  http?: HttpInfo;
  game?: GameInfo;
  dns?: DnsInfo;
  stun?: StunInfo;
}

/** Something answered and nothing recognised it; null when nothing was said at all. */
export function unknownBanner(bytes: Buffer): Banner | null {
  if (bytes.length === 0) return null;
  return { service: "unknown", product: null, version: null, text: bannerText(bytes) };
}

/** One text for every game server: what it calls itself, its map, how full it is. */
export function gameText(info: GameInfo): string {
  const lines = [info.motd];
  if (info.map) lines.push(`Map: ${info.map}`);
  if (info.playersOnline !== null || info.playersMax !== null) {
    lines.push(`Players: ${info.playersOnline ?? "?"}/${info.playersMax ?? "?"}`);
  }
  return lines.filter((line) => line !== "").join("\n");
}
