// POST a signed JSON body to a user's webhook URL, through the policy-bound poster (post-http.ts).
import type { TargetRules } from "../targets/policy";
import type { Resolver } from "../targets/resolve-target";
import { alertUrlProblem, type DeliveryOutcome, postHttp } from "./post-http";
import { SIGNATURE_HEADER, signWebhook } from "./webhook-signature";

/** Checks the shape of a webhook URL (http or https, no credentials); the host is judged at delivery. */
export function webhookUrlProblem(text: string): string | null {
  return alertUrlProblem(text);
}

export async function deliverWebhook(
  urlText: string,
  body: string,
  options: { secret: string; headers?: Record<string, string>; rules: TargetRules; resolver?: Resolver; timeoutMs?: number },
): Promise<DeliveryOutcome> {
  return postHttp(urlText, body, {
    headers: { [SIGNATURE_HEADER]: signWebhook(options.secret, body), ...options.headers },
    rules: options.rules,
    resolver: options.resolver,
    timeoutMs: options.timeoutMs,
  });
}
