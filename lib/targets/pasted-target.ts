// What people paste into the host field: "example.com:8443", "[2001:db8::1]:22", a URL
// ("https://example.com:8443/path"). Split into the host and the port the person meant. Pure.
const SCHEME_PORTS: Record<string, number> = { "http:": 80, "https:": 443, "ftp:": 21, "ssh:": 22, "sftp:": 22, "smtp:": 25, "imap:": 143, "imaps:": 993, "ldap:": 389, "ldaps:": 636, "rdp:": 3389, "vnc:": 5900, "mysql:": 3306, "postgres:": 5432, "postgresql:": 5432, "redis:": 6379, "mongodb:": 27017, "minecraft:": 25565 };

export interface PastedTarget {
  host: string;
  port: number | null;
}

function validPort(text: string): number | null {
  if (!/^\d{1,5}$/.test(text)) return null;
  const port = Number(text);
  return port >= 1 && port <= 65535 ? port : null;
}

export function splitPastedTarget(input: string): PastedTarget {
  const text = input.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) {
    try {
      const url = new URL(text);
      const host = url.hostname.replace(/^\[|\]$/g, "");
      if (host) return { host, port: url.port ? validPort(url.port) : (SCHEME_PORTS[url.protocol.toLowerCase()] ?? null) };
    } catch {
      return { host: text, port: null };
    }
  }
  const bracketed = /^\[([0-9a-f:.]+)\](?::(\d{1,5}))?$/i.exec(text);
  if (bracketed) return { host: bracketed[1]!, port: bracketed[2] ? validPort(bracketed[2]) : null };
  const hostPort = /^([^:\s/]+):(\d{1,5})\/?$/.exec(text);
  if (hostPort && validPort(hostPort[2]!) !== null) return { host: hostPort[1]!, port: validPort(hostPort[2]!) };
  return { host: text, port: null };
}
