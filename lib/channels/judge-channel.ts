// Before a channel is saved: its settings are valid for its kind, an e-mail channel names the account's
// own confirmed address, and every URL it posts to passes the target policy now (it is judged again at
// every delivery, pinned to the address judged then).
import type { ChannelKind } from "../alerts/channels/channel-kind";
import { emailChannelAllowed } from "../alerts/channels/email-allowed";
import type { Db } from "../db";
import { env } from "../env";
import { ProblemError } from "../problem-error";
import { TargetError } from "../targets/errors";
import { createResolver } from "../targets/dns-resolver";
import type { TargetRules } from "../targets/policy";
import { type Resolver, resolveTarget } from "../targets/resolve-target";

export interface ChannelContext {
  db: Db;
  rules: TargetRules;
  /** Injected by tests; otherwise the operator's DNS_SERVERS. */
  resolver?: Resolver;
}

export function parseConfig(kind: ChannelKind, config: unknown): Record<string, unknown> {
  const parsed = kind.configSchema.safeParse(config);
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.map((issue) => ({ path: ["config", ...issue.path.map(String)].join("/"), message: issue.message }));
  throw new ProblemError("invalid_request", errors.map((error) => error.message).join("; "), { errors });
}

export async function judgeChannel(context: ChannelContext, userId: string, kind: ChannelKind, config: Record<string, unknown>): Promise<void> {
  if (kind.kind === "email") {
    const owner = await context.db.user.findUnique({ where: { id: userId }, select: { email: true, emailVerified: true } });
    if (!owner || !emailChannelAllowed(config, owner)) {
      const why = owner && !owner.emailVerified ? "Confirm your e-mail address first (follow the link we sent you)." : `E-mail channels go to your account's own address${owner ? ` (${owner.email})` : ""} only.`;
      throw new ProblemError("channel_email_not_allowed", why, { errors: [{ path: "config/address", message: why }] });
    }
  }
  const resolver = context.resolver ?? createResolver({ servers: env().DNS_SERVERS, timeoutMs: env().DNS_TIMEOUT_MS });
  for (const url of kind.urls(config)) {
    const host = new URL(url).hostname;
    try {
      await resolveTarget(host, { ...context.rules, resolver });
    } catch (error) {
      if (!(error instanceof TargetError)) throw error;
      const message = error.code === "target_forbidden" ? `${error.message} Channels only post to public addresses.` : error.message;
      throw new ProblemError(error.code === "target_forbidden" ? "channel_target_forbidden" : "invalid_request", message, { errors: [{ path: "config", message }] });
    }
  }
}
