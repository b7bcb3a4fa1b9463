// What a notification channel kind is: a zod schema of its settings, which of them are secret, the URLs it
// posts to (judged by the target policy when the channel is saved and again at every delivery), and a
// formatter from the alert to one HTTP request or one e-mail. Each kind is one file in ./kinds.
import { z } from "zod";
import { alertUrlProblem } from "../post-http";
import type { AlertPayload } from "../alert-payload";

export const CHANNEL_KIND_NAMES = ["email", "webhook", "slack", "discord", "teams", "telegram", "ntfy", "gotify"] as const;
export type ChannelKindName = (typeof CHANNEL_KIND_NAMES)[number];

export type ChannelMessage =
  | {
      transport: "http";
      url: string;
      headers: Record<string, string>;
      body: string;
      /** false for a URL the operator configured (Telegram's API): not judged by the target policy. */
      judged: boolean;
    }
  | { transport: "mail"; to: string; subject: string; text: string; html: string };

export interface Reader {
  timeZone: string;
}

export interface ChannelKind<Config extends Record<string, unknown> = Record<string, unknown>> {
  kind: ChannelKindName;
  /** "Slack", "Microsoft Teams"... */
  label: string;
  /** The settings as the API accepts them (the stored config may hold more: what prepare adds). */
  configSchema: z.ZodType<Config>;
  /** Settings shown masked by the API, and kept when a change leaves them empty. */
  secrets: readonly string[];
  /** Completes the settings before they are stored (a webhook's signing secret); previous: the stored ones. */
  prepare?(config: Config, previous: Record<string, unknown> | null): Config;
  /** URLs the channel posts to that the target policy must allow. */
  urls(config: Config): string[];
  /** Where it goes, for the delivery log: never a secret. */
  describe(config: Config): string;
  /** The alert for this channel; times in the reader's zone (the account's, unless the channel names one). */
  message(payload: AlertPayload, config: Config, reader: Reader): ChannelMessage;
}

/** A kind with its config type erased, for the registry. */
export function defineKind<Config extends Record<string, unknown>>(kind: ChannelKind<Config>): ChannelKind {
  return kind as unknown as ChannelKind;
}

/** An http(s) URL without credentials, 2048 characters at most. */
export function urlField(name: string, example: string) {
  return z
    .string({ error: `${name} is required: a URL such as ${example}` })
    .trim()
    .min(1, `${name} is required: a URL such as ${example}`)
    .max(2048, `${name} has at most 2048 characters`)
    .superRefine((value, ctx) => {
      const problem = alertUrlProblem(value, "URLs");
      if (problem) ctx.addIssue({ code: "custom", message: `${name}: ${problem}` });
    });
}

/** A token or other secret: printable, no spaces. */
export function tokenField(name: string, max = 512) {
  return z
    .string({ error: `${name} is required` })
    .trim()
    .min(1, `${name} is required`)
    .max(max, `${name} has at most ${max} characters`)
    .regex(/^[\x21-\x7e]+$/, `${name} has no spaces or unusual characters`);
}

/** "https://hooks.slack.com/…f3a9": enough to tell secrets apart, never enough to use them. */
export function maskSecret(value: string): string {
  const tail = value.length >= 16 ? value.slice(-4) : "";
  try {
    const url = new URL(value);
    return `${url.origin}/…${tail}`;
  } catch {
    return `…${tail}`;
  }
}

/** "https://ntfy.example.com/alerts" -> "https://ntfy.example.com/alerts/" so paths join. */
export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, "")}/${path.replace(/^\/+/, "")}`;
}
