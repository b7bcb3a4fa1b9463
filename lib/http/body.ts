// Request bodies at the API's boundary: JSON only, at most 16 KiB, read as a stream so a large body is
// refused before it is all in memory.
import { ProblemError } from "../problem-error";

export const MAX_JSON_BODY_BYTES = 16 * 1024;

/** Reads a JSON body of at most `maxBytes`, refusing anything that is not JSON. */
export async function readJsonBody(request: Request, maxBytes = MAX_JSON_BODY_BYTES): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/([\w.+-]*\+)?json\b/i.test(type)) {
    throw new ProblemError("unsupported_media_type", "Send a JSON body with Content-Type: application/json.");
  }
  return parseJsonText(await readBodyText(request, maxBytes));
}

export function parseJsonText(text: string): unknown {
  if (text.trim() === "") throw new ProblemError("invalid_request", "The request body is empty; send a JSON object.");
  try {
    return JSON.parse(text);
  } catch {
    throw new ProblemError("invalid_request", "The request body is not valid JSON.");
  }
}

/** The body as text, refused with 413 past `maxBytes` (declared or streamed). */
export async function readBodyText(request: Request, maxBytes = MAX_JSON_BODY_BYTES): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const text = new TextDecoder().decode(Buffer.concat(chunks));
  // No field takes a NUL character, and PostgreSQL cannot store one in text: refuse it here, raw or escaped.
  if (text.includes("\0") || /\\u0000/i.test(text)) throw new ProblemError("invalid_request", "The request body contains a NUL character (\\u0000), which no field accepts.");
  return text;
}

function tooLarge(maxBytes: number): ProblemError {
  return new ProblemError("payload_too_large", `The request body is larger than ${maxBytes} bytes.`);
}

export function jsonResponse(data: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("content-type", "application/json");
  if (!headers.has("cache-control")) headers.set("cache-control", "no-store");
  return new Response(JSON.stringify(data), { ...init, headers });
}
