// Which polite request to send where the client speaks first, by port: the protocol table
// (protocols/ask-first.ts) plus HTTPS ports, where HTTP follows the TLS handshake.
import { type AskFirst, askFirstFor, httpHost } from "./protocols/ask-first";
import { httpHeadComplete, httpHeadRequest, parseHttpResponse } from "./protocols/http-head";

const HTTPS_PORTS: ReadonlySet<number> = new Set([443, 8443]);

/** An HTTP HEAD for `host` on `port`: the usual answer behind an unknown port, and HTTPS after TLS. */
export function httpAsker(host: string, port: number): AskFirst {
  return {
    name: "http",
    // HTTPS on 443 is the default port, so its Host header names no port, as on 80.
    request: httpHeadRequest(httpHost(host, port === 443 ? 80 : port)),
    parse: (bytes) => ({ complete: httpHeadComplete(bytes), banner: parseHttpResponse(bytes) }),
  };
}

export function askerFor(port: number, host: string): AskFirst | null {
  return HTTPS_PORTS.has(port) ? httpAsker(host, port) : askFirstFor(port, host);
}

/** Minecraft's status JSON can carry a server icon: read more there, still bounded. */
export function readLimitFor(port: number): number {
  return port === 25565 ? 32 * 1024 : 4096;
}
