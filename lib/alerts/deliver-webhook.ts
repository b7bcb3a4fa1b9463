// POST a signed JSON body to a user's webhook URL. The URL's host goes through the same target policy
// as every probe (resolved once, every address judged), and the connection is pinned to the judged address.
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { TargetError } from "../targets/errors";
import type { TargetRules } from "../targets/policy";
import { type Resolver, resolveTarget } from "../targets/resolve-target";
import { SIGNATURE_HEADER, signWebhook } from "./webhook-signature";

export const WEBHOOK_TIMEOUT_MS = 10_000;
const MAX_RESPONSE_BYTES = 64 * 1024;

export interface WebhookOutcome {
  ok: boolean;
  status: number | null;
  error: string | null;
  /** The URL or its target is refused by policy: retrying cannot help. */
  permanent?: boolean;
}

/** Checks the shape of a webhook URL (http or https, no credentials); the host is judged at delivery. */
export function webhookUrlProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "Enter a full URL such as https://example.com/hooks/portcheck.";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "Webhook URLs start with https:// or http://.";
  if (url.username || url.password) return "Webhook URLs may not contain a user name or password.";
  if (text.length > 2048) return "Webhook URLs have at most 2048 characters.";
  return null;
}

export async function deliverWebhook(
  urlText: string,
  body: string,
  options: { secret: string; headers?: Record<string, string>; rules: TargetRules; resolver?: Resolver; timeoutMs?: number },
): Promise<WebhookOutcome> {
  const problem = webhookUrlProblem(urlText);
  if (problem) return { ok: false, status: null, error: problem, permanent: true };
  const url = new URL(urlText);
  let address: { address: string; family: 4 | 6 };
  try {
    ({ address } = await resolveTarget(url.hostname, { ...options.rules, resolver: options.resolver }));
  } catch (error) {
    if (error instanceof TargetError && !error.transient) return { ok: false, status: null, error: error.message, permanent: true };
    throw error;
  }
  // Pinned: the socket connects to the judged address; Host and TLS SNI still carry the name.
  const lookup: LookupFunction = (_hostname, lookupOptions, callback) => {
    if ((lookupOptions as { all?: boolean }).all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [address]);
    else callback(null, address.address, address.family);
  };
  const client = url.protocol === "https:" ? https : http;
  const timeoutMs = options.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  return new Promise<WebhookOutcome>((resolve) => {
    const request = client.request(
      url,
      {
        method: "POST",
        lookup,
        agent: false,
        timeout: timeoutMs,
        headers: {
          "content-type": "application/json",
          "user-agent": "Portcheck-Webhook/1",
          [SIGNATURE_HEADER]: signWebhook(options.secret, body),
          ...options.headers,
        },
      },
      (response) => {
        let received = 0;
        response.on("data", (chunk: Buffer) => {
          received += chunk.length;
          if (received > MAX_RESPONSE_BYTES) response.destroy();
        });
        response.on("close", () => {
          const status = response.statusCode ?? null;
          const ok = status !== null && status >= 200 && status < 300;
          resolve({ ok, status, error: ok ? null : `The receiver answered HTTP ${status}.` });
        });
      },
    );
    const deadline = setTimeout(() => request.destroy(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    request.on("close", () => clearTimeout(deadline));
    request.on("error", (error: NodeJS.ErrnoException) => resolve({ ok: false, status: null, error: error.code ? `${error.code}: ${error.message}` : error.message }));
    request.end(body);
  });
}
