import { describe, expect, it } from "vitest";
import type { AlertPayload } from "../alert-payload";
import { CHANNEL_KIND_NAMES, maskSecret } from "./channel-kind";
import { CHANNEL_KINDS } from "./registry";

const payload: AlertPayload = {
  id: "d1",
  event: "monitor.up",
  occurredAt: "2026-12-07T16:00:05.000Z",
  monitor: { id: "m1", name: "Web", host: "example.com", port: 443, expect: "open", state: "up", stateLabel: "UP", url: "https://portcheck.example/monitors/m1" },
  incident: { id: "i1", state: "up", startedAt: "2026-12-07T16:00:00.000Z", endedAt: null, cause: null },
};

const EXAMPLES: Record<(typeof CHANNEL_KIND_NAMES)[number], Record<string, unknown>> = {
  email: { address: "me@example.com" },
  webhook: { url: "https://example.com/hook" },
  slack: { webhookUrl: "https://hooks.slack.com/services/T/B/secret" },
  discord: { webhookUrl: "https://discord.com/api/webhooks/1/secret" },
  teams: { webhookUrl: "https://example.webhook.office.com/webhookb2/secret" },
  telegram: { botToken: "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0", chatId: "42" },
  ntfy: { serverUrl: "https://ntfy.sh", topic: "alerts" },
  gotify: { serverUrl: "https://gotify.example.com", appToken: "AbCdEf" },
};

describe("the channel kinds", () => {
  it("has every kind registered, each formatting an alert, and never describing a secret", () => {
    expect(Object.keys(CHANNEL_KINDS).sort()).toEqual([...CHANNEL_KIND_NAMES].sort());
    for (const name of CHANNEL_KIND_NAMES) {
      const kind = CHANNEL_KINDS[name];
      const config = kind.configSchema.parse(EXAMPLES[name]);
      const prepared = kind.prepare ? kind.prepare(config, null) : config;
      const message = kind.message(payload, prepared, { timeZone: "UTC" });
      if (message.transport === "mail") expect(message.subject).toBe("UP: Web (example.com:443)");
      else if (name === "webhook") expect(JSON.parse(message.body)).toEqual(payload);
      else expect(message.body + JSON.stringify(message.headers)).toContain("UP: Web");
      for (const secret of kind.secrets) if (typeof prepared[secret] === "string") expect(kind.describe(prepared)).not.toContain(prepared[secret]);
    }
  });

  it("refuses URLs that are not http(s) or carry credentials", () => {
    expect(CHANNEL_KINDS.slack.configSchema.safeParse({ webhookUrl: "ftp://example.com/x" }).success).toBe(false);
    expect(CHANNEL_KINDS.gotify.configSchema.safeParse({ serverUrl: "https://user:pw@example.com", appToken: "x" }).success).toBe(false);
  });

  it("masks secrets to their origin and last four characters", () => {
    expect(maskSecret("https://hooks.slack.com/services/T/B/abcdefgh1234")).toBe("https://hooks.slack.com/…1234");
    expect(maskSecret("123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0")).toBe("…saw0");
    expect(maskSecret("short")).toBe("…");
  });
});
