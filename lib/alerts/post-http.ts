// POST one body to a URL for an alert: the signed webhook and every notification channel go through here.
// The URL's host goes through the same target policy as every probe (resolved once, every address judged),
// the connection is pinned to the judged address, redirects are never followed, and the whole exchange
// has one deadline. An operator-configured URL (Telegram's API) skips the policy but keeps the deadline.
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { TargetError } from "../targets/errors";
import type { TargetRules } from "../targets/policy";
import { type Resolver, resolveTarget } from "../targets/resolve-target";

export const DELIVERY_TIMEOUT_MS = 10_000;
const MAX_RESPONSE_BYTES = 64 * 1024;

export interface DeliveryOutcome {
  ok: boolean;
  status: number | null;
  error: string | null;
  /** The URL or its target is refused by policy: retrying cannot help. */
  permanent?: boolean;
}

/** Checks the shape of an alert URL (http or https, no credentials); the host is judged separately. */
export function alertUrlProblem(text: string, what = "Webhook URLs"): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "Enter a full URL such as https://example.com/hooks/portcheck.";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return `${what} start with https:// or http://.`;
  if (url.username || url.password) return `${what} may not contain a user name or password.`;
  if (text.length > 2048) return `${what} have at most 2048 characters.`;
  return null;
}

export interface PostOptions {
  headers: Record<string, string>;
  /** The deployment's target policy; null for a URL the operator configured (not judged). */
  rules: TargetRules | null;
  resolver?: Resolver;
  timeoutMs?: number;
  /** Texts never to repeat in an error (tokens that are part of the URL). */
  secrets?: readonly string[];
}

export async function postHttp(urlText: string, body: string, options: PostOptions): Promise<DeliveryOutcome> {
  const problem = alertUrlProblem(urlText);
  if (problem) return { ok: false, status: null, error: problem, permanent: true };
  const url = new URL(urlText);
  let lookup: LookupFunction | undefined;
  if (options.rules) {
    let address: { address: string; family: 4 | 6 };
    try {
      ({ address } = await resolveTarget(url.hostname, { ...options.rules, resolver: options.resolver }));
    } catch (error) {
      if (error instanceof TargetError && !error.transient) return { ok: false, status: null, error: error.message, permanent: true };
      throw error;
    }
    // Pinned: the socket connects to the judged address; Host and TLS SNI still carry the name.
    lookup = (_hostname, lookupOptions, callback) => {
      if ((lookupOptions as { all?: boolean }).all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [address]);
      else callback(null, address.address, address.family);
    };
  }
  const client = url.protocol === "https:" ? https : http;
  const timeoutMs = options.timeoutMs ?? DELIVERY_TIMEOUT_MS;
  const redact = (text: string) => (options.secrets ?? []).reduce((result, secret) => (secret ? result.split(secret).join("…") : result), text);
  return new Promise<DeliveryOutcome>((resolve) => {
    const request = client.request(
      url,
      { method: "POST", ...(lookup ? { lookup } : {}), agent: false, timeout: timeoutMs, headers: { "content-type": "application/json", "user-agent": "Portcheck-Webhook/1", ...options.headers } },
      (response) => {
        let received = 0;
        response.on("data", (chunk: Buffer) => {
          received += chunk.length;
          if (received > MAX_RESPONSE_BYTES) response.destroy();
        });
        response.on("close", () => {
          const status = response.statusCode ?? null;
          const ok = status !== null && status >= 200 && status < 300;
          // A redirect is not followed: it could lead to a host the policy never judged.
          const why = status !== null && status >= 300 && status < 400 ? `The receiver answered HTTP ${status} (a redirect, which is not followed).` : `The receiver answered HTTP ${status}.`;
          resolve({ ok, status, error: ok ? null : why });
        });
      },
    );
    const deadline = setTimeout(() => request.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    request.on("close", () => clearTimeout(deadline));
    request.on("error", (error: NodeJS.ErrnoException) => resolve({ ok: false, status: null, error: redact(error.code ? `${error.code}: ${error.message}` : error.message) }));
    try {
      request.end(body);
    } catch (error) {
      resolve({ ok: false, status: null, error: redact((error as Error).message), permanent: true });
    }
  });
}
