// PostgreSQL: the SSLRequest a client may send before anything else. Every PostgreSQL server (and
// pooler speaking its protocol) answers with one byte, 'S' or 'N', before any authentication.
import type { Banner } from "./banner";
import { sanitizeText } from "./sanitize-text";

const SSL_REQUEST_CODE = 80877103;
/** Error responses are small; a larger length means these bytes are not one. */
const MAX_ERROR = 8192;

export function postgresSslRequest(): Buffer {
  const request = Buffer.alloc(8);
  request.writeUInt32BE(8, 0);
  request.writeUInt32BE(SSL_REQUEST_CODE, 4);
  return request;
}

/** True when nothing more will follow: one byte S or N, or a whole error message, or not PostgreSQL at all. */
export function postgresReplyComplete(bytes: Buffer): boolean {
  if (bytes.length === 0) return false;
  if (bytes[0] !== 0x45) return true;
  if (bytes.length < 5) return false;
  const length = bytes.readUInt32BE(1);
  return length < 4 || length > MAX_ERROR || bytes.length >= 1 + length;
}

export function parsePostgresReply(bytes: Buffer): Banner | null {
  const banner = (text: string): Banner => ({ service: "postgresql", product: null, version: null, text });
  // The server then waits for a TLS handshake or a startup message: anything after the byte is not PostgreSQL.
  if (bytes.length === 1 && bytes[0] === 0x53) return banner("SSL supported");
  if (bytes.length === 1 && bytes[0] === 0x4e) return banner("SSL not supported");
  if (bytes[0] !== 0x45 || bytes.length < 5) return null;
  const length = bytes.readUInt32BE(1);
  if (length < 4 || length > MAX_ERROR) return null;
  const fields = errorFields(bytes.subarray(5, 1 + length));
  const severity = fields.get("V") ?? fields.get("S");
  const message = fields.get("M");
  if (!message && !severity) return null;
  return banner(sanitizeText([severity, message].filter(Boolean).join(": "), 512));
}

/** ErrorResponse body: a field type byte, then a NUL-terminated value, until a lone NUL. */
function errorFields(body: Buffer): Map<string, string> {
  const fields = new Map<string, string>();
  let offset = 0;
  while (offset < body.length && body[offset] !== 0) {
    const end = body.indexOf(0, offset + 1);
    if (end < 0) break;
    fields.set(String.fromCharCode(body[offset]!), body.toString("utf8", offset + 1, end));
    offset = end + 1;
  }
  return fields;
}
