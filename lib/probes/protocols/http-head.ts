// HTTP: the HEAD request a port checker sends, and what the response head says about the server.
import type { Banner } from "./banner";
import { bannerText, sanitizeText } from "./sanitize-text";

const USER_AGENT = "Portcheck (+https://portcheck.example/docs)";
/** A response head longer than this is not worth reading further. */
const MAX_HEAD = 16 * 1024;

/** host is the Host header value as it should be sent: "example.com", "example.com:8080", "[2001:db8::1]". */
export function httpHeadRequest(host: string): Buffer {
  // A CR or LF here would let a caller's string add headers of its own.
  if (!/^[\x21-\x7e]+$/.test(host)) throw new RangeError("HTTP Host must be printable ASCII without spaces");
  return Buffer.from(
    `HEAD / HTTP/1.1\r\nHost: ${host}\r\nUser-Agent: ${USER_AGENT}\r\nAccept: */*\r\nConnection: close\r\n\r\n`,
    "latin1",
  );
}

/** True once the blank line that ends the response head has arrived. */
export function httpHeadComplete(bytes: Buffer): boolean {
  return bytes.indexOf("\r\n\r\n") >= 0 || bytes.indexOf("\n\n") >= 0;
}

/** A banner from the status line and headers (all of them, or as many as have arrived); null when not HTTP. */
export function parseHttpResponse(bytes: Buffer): Banner | null {
  const head = responseHead(bytes);
  // Header values are opaque bytes by the RFC and UTF-8 in practice.
  const raw = head.toString("utf8");
  const statusLine = /^HTTP\/\d(?:\.\d)? (\d{3})(?: [^\r\n]*)?(?=\r?\n|$)/.exec(raw);
  if (!statusLine) return null;
  const serverHeader = /^server:[ \t]*([^\r\n]*)/im.exec(raw.slice(statusLine[0].length));
  const server = serverHeader ? sanitizeText(serverHeader[1]!.trim(), 256) || null : null;
  const { product, version } = serverProduct(server);
  return {
    service: "http",
    product,
    version,
    text: bannerText(head),
    http: { status: Number(statusLine[1]), statusLine: sanitizeText(statusLine[0], 256), server },
  };
}

function responseHead(bytes: Buffer): Buffer {
  const limited = bytes.subarray(0, MAX_HEAD);
  const crlf = limited.indexOf("\r\n\r\n");
  if (crlf >= 0) return limited.subarray(0, crlf);
  const lf = limited.indexOf("\n\n");
  return lf >= 0 ? limited.subarray(0, lf) : limited;
}

/** RFC 9110 product tokens: "nginx/1.24.0", "Apache/2.4.58 (Ubuntu)", "Microsoft-IIS/10.0", "cloudflare". */
function serverProduct(server: string | null): { product: string | null; version: string | null } {
  if (!server) return { product: null, version: null };
  const token = /^([^\s/()]+)(?:\/([^\s()]+))?/u.exec(server);
  if (!token) return { product: null, version: null };
  // Some servers name themselves in words without a version: "Google Frontend".
  if (!token[2] && /^[\p{L}\p{N}_.-]+(?: [\p{L}\p{N}_.-]+)*$/u.test(server) && server.length <= 64) return { product: server, version: null };
  return { product: token[1]!, version: token[2] ?? null };
}
