// For services that wait for the client to speak: which request to send on a port, and when the
// reply read so far is enough. The network code writes `request`, then feeds every chunk it has
// accumulated to `parse` until `complete` (or the connection closes, or its byte limit is reached).
import type { Banner } from "./banner";
import { httpHeadComplete, httpHeadRequest, parseHttpResponse } from "./http-head";
import { parseMinecraftStatus, minecraftStatusRequest } from "./minecraft-status";
import { parsePostgresReply, postgresReplyComplete, postgresSslRequest } from "./postgres-ssl-request";
import { parseRedisReply, redisPingRequest } from "./redis-ping";

export interface AskFirst {
  name: string;
  request: Buffer;
  /** Works on partial data too: when the connection ends early, the last banner is the answer. */
  parse(bytes: Buffer): { complete: boolean; banner: Banner | null };
}

const HTTP_PORTS = new Set([80, 3000, 5000, 8000, 8008, 8080, 8081, 8888]);

/**
 * host is the name or address the user asked for, without port or brackets: the request carries it
 * (HTTP Host, Minecraft's handshake) because virtual hosts and proxies route on it.
 */
export function askFirstFor(port: number, host: string): AskFirst | null {
  if (HTTP_PORTS.has(port)) {
    return {
      name: "http",
      request: httpHeadRequest(httpHost(host, port)),
      parse: (bytes) => ({ complete: httpHeadComplete(bytes), banner: parseHttpResponse(bytes) }),
    };
  }
  if (port === 6379) {
    return {
      name: "redis",
      request: redisPingRequest(),
      parse: (bytes) => ({ complete: bytes.includes("\n"), banner: parseRedisReply(bytes) }),
    };
  }
  if (port === 5432) {
    return {
      name: "postgresql",
      request: postgresSslRequest(),
      parse: (bytes) => ({ complete: postgresReplyComplete(bytes), banner: parsePostgresReply(bytes) }),
    };
  }
  if (port === 25565) {
    return {
      name: "minecraft",
      request: minecraftStatusRequest(host, port),
      parse: (bytes) => {
        const status = parseMinecraftStatus(bytes);
        return { complete: status.complete, banner: status.banner ?? null };
      },
    };
  }
  return null;
}

/** The Host header: IPv6 literals in brackets, the port only when it is not HTTP's default. */
export function httpHost(host: string, port: number): string {
  const name = host.includes(":") && !host.startsWith("[") ? `[${host}]` : host;
  return port === 80 ? name : `${name}:${port}`;
}
