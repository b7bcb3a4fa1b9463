// Webhooks in the API reference: the events, the body, and how to verify the signature, with code.
import { Code } from "./operation-section";

const VERIFY_JS = `import { createHmac, timingSafeEqual } from "node:crypto";

// rawBody: the request body exactly as received (a Buffer or string), before any JSON parsing.
export function verifyPortcheck(rawBody, signatureHeader, secret, toleranceSeconds = 300) {
  const parts = Object.fromEntries(signatureHeader.split(",").map((part) => part.split("=")));
  const timestamp = Number(parts.t);
  if (!Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = createHmac("sha256", secret).update(\`\${parts.t}.\${rawBody}\`).digest();
  const given = Buffer.from(parts.v1 ?? "", "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}`;

const VERIFY_PY = `import hashlib, hmac, time

def verify_portcheck(raw_body: bytes, signature_header: str, secret: str, tolerance: int = 300) -> bool:
    parts = dict(part.split("=", 1) for part in signature_header.split(","))
    timestamp = int(parts.get("t", "0"))
    if abs(time.time() - timestamp) > tolerance:
        return False
    expected = hmac.new(secret.encode(), f"{parts['t']}.".encode() + raw_body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, parts.get("v1", ""))`;

export function WebhookReference({ baseUrl }: { baseUrl: string }) {
  return (
    <section id="webhooks" className="space-y-2">
      <h2 className="text-xl font-semibold">Webhooks</h2>
      <p>
        When a monitor goes down, slow (<code>monitor.degraded</code>), recovers (<code>monitor.up</code>), stays down (<code>monitor.reminder</code>), or its certificate is about to
        expire (<code>monitor.certificate</code>), and for test alerts (<code>test</code>), Portcheck POSTs JSON to the monitor&apos;s webhook URL, retrying with backoff until it
        answers 2xx. Headers: <code>Portcheck-Event</code>, <code>Portcheck-Delivery</code> (unique: deduplicate on it) and <code>Portcheck-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</code>,
        where v1 is HMAC-SHA256 with the monitor&apos;s secret (shown once, when the webhook URL is set) over <code>&lt;t&gt;.&lt;raw body&gt;</code>. Recompute it over the raw bytes and
        refuse timestamps more than five minutes old. The body is in the OpenAPI document&apos;s <code>webhooks</code>. A monitor that runs from several regions adds{" "}
        <code>incident.regions</code>: what each region saw, and whether it voted.
      </p>
      <p>
        A <code>webhook</code> notification channel (<code>POST /api/v1/channels</code>) sends the same body, signed the same way with the channel&apos;s secret. The other channel kinds
        format the alert for their service: Slack (<code>{"{text, blocks}"}</code>), Discord (<code>{"{content, embeds}"}</code>), Microsoft Teams (a MessageCard), Telegram
        (<code>sendMessage</code>), ntfy (the text, with <code>Title</code>, <code>Priority</code> and <code>Tags</code> headers) and Gotify (<code>{"{title, message, priority}"}</code>).
      </p>
      <Code>{`{"id": "…-webhook", "event": "monitor.down", "occurredAt": "2026-11-23T21:00:02.113Z",
 "monitor": {"id": "…", "name": "Game server", "host": "example.com", "port": 25565, "expect": "open", "state": "down",
             "url": "${baseUrl}/monitors/…"},
 "incident": {"id": "…", "state": "down", "startedAt": "2026-11-23T21:00:02.101Z", "endedAt": null, "cause": "filtered: no-response"}}`}</Code>
      <Code label="Verify in JavaScript">{VERIFY_JS}</Code>
      <Code label="Verify in Python">{VERIFY_PY}</Code>
    </section>
  );
}
