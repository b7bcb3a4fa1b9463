// One alert to one notification channel: the kind formats it, then it goes out as an e-mail or through
// the policy-bound HTTP poster (the same deadline, pinning and refusal as the signed webhook).
import type { AlertPayload } from "../alert-payload";
import { type DeliveryOutcome, postHttp } from "../post-http";
import { sendMail } from "../mailer";
import type { TargetRules } from "../../targets/policy";
import type { Resolver } from "../../targets/resolve-target";
import { channelKind } from "./registry";

export async function deliverToChannel(
  channel: { kind: string; config: unknown; user?: { timeZone: string } },
  payload: AlertPayload,
  options: { rules: TargetRules; resolver?: Resolver; timeoutMs?: number },
): Promise<DeliveryOutcome> {
  const kind = channelKind(channel.kind);
  const parsed = kind.configSchema.safeParse(channel.config);
  if (!parsed.success) return { ok: false, status: null, error: "The channel's settings are no longer valid: edit the channel.", permanent: true };
  const config = parsed.data;
  const message = kind.message(payload, config, { timeZone: channel.user?.timeZone ?? "UTC" });
  if (message.transport === "mail") {
    try {
      await sendMail({ to: message.to, subject: message.subject, text: message.text, html: message.html });
      return { ok: true, status: null, error: null };
    } catch (error) {
      return { ok: false, status: null, error: (error as Error).message.slice(0, 500) };
    }
  }
  const secrets = kind.secrets.map((name) => config[name]).filter((value): value is string => typeof value === "string" && value.length > 0);
  return postHttp(message.url, message.body, { headers: message.headers, rules: message.judged ? options.rules : null, resolver: options.resolver, timeoutMs: options.timeoutMs, secrets });
}
