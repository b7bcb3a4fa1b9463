// Idempotency-Key: the same key and body within 24 hours get the first answer again (same status and
// body) and create nothing; the same key with another body is 422; a retry while the first request is
// still running is 409. Kept in Redis per caller, so one caller's keys never meet another's.
import { createHash } from "node:crypto";
import { gunzipSync, gzipSync } from "node:zlib";
import type { Redis } from "ioredis";
import { ProblemError } from "../problem-error";

export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;
/** A request that died mid-way frees its key after this, rather than blocking it for a day. */
const IN_FLIGHT_TTL_SECONDS = 60;

interface Stored {
  state: "in-flight" | "done";
  bodyHash: string;
  status?: number;
  headers?: Record<string, string>;
  /** The answer's body, gzipped and base64: a day of answers must not fill Redis. */
  body?: string;
}

/** JSON with sorted keys, so that {"a":1,"b":2} and {"b":2,"a":1} are the same body. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical((value as Record<string, unknown>)[key])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

export function idempotencyKeyOf(request: Request): string | null {
  const key = request.headers.get("idempotency-key");
  if (key === null) return null;
  if (!/^[\x21-\x7e]{1,255}$/.test(key)) {
    throw new ProblemError("invalid_request", "Idempotency-Key is 1 to 255 visible ASCII characters.", { errors: [{ path: "Idempotency-Key", message: "1 to 255 visible ASCII characters" }] });
  }
  return key;
}

export interface IdempotentRun {
  /** The stored answer to send again, when this key has already been answered. */
  replay: Response | null;
  /** Store the answer (or free the key when the answer should not be repeated). */
  finish(response: Response): Promise<Response>;
}

export async function beginIdempotent(redis: Redis, prefix: string, scope: string, key: string, body: unknown): Promise<IdempotentRun> {
  const redisKey = `${prefix}:idem:${createHash("sha256").update(`${scope}\n${key}`).digest("hex")}`;
  const bodyHash = createHash("sha256").update(canonical(body)).digest("hex");
  const claimed = await redis.set(redisKey, JSON.stringify({ state: "in-flight", bodyHash } satisfies Stored), "EX", IN_FLIGHT_TTL_SECONDS, "NX");
  if (!claimed) {
    const stored = JSON.parse((await redis.get(redisKey)) ?? "null") as Stored | null;
    if (stored && stored.bodyHash !== bodyHash) {
      throw new ProblemError("idempotency_key_reused", "This Idempotency-Key was used with another body. Use a new key for a different request.");
    }
    if (!stored || stored.state === "in-flight") {
      throw new ProblemError("idempotency_in_flight", "A request with this Idempotency-Key is still running. Retry in a moment with the same key.", { retryAfterSeconds: 1 });
    }
    return {
      replay: new Response(stored.body ? gunzipSync(Buffer.from(stored.body, "base64")) : null, { status: stored.status, headers: { ...stored.headers, "idempotent-replayed": "true" } }),
      finish: async (response) => response,
    };
  }
  return {
    replay: null,
    async finish(response) {
      // Failures that a retry may not meet again (limits, dependencies away) are not repeated.
      if (response.status >= 500 || response.status === 429) {
        await redis.del(redisKey);
        return response;
      }
      const text = gzipSync(Buffer.from(await response.clone().arrayBuffer())).toString("base64");
      const headers: Record<string, string> = {};
      for (const name of ["content-type", "location"]) {
        const value = response.headers.get(name);
        if (value) headers[name] = value;
      }
      await redis.set(redisKey, JSON.stringify({ state: "done", bodyHash, status: response.status, headers, body: text } satisfies Stored), "EX", IDEMPOTENCY_TTL_SECONDS);
      return response;
    },
  };
}
