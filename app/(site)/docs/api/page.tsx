// /docs/api: the public API reference. Problem `type` URIs point at the anchors of the error table.
import type { Metadata } from "next";
import { env } from "@/lib/env";
import { rowClass, Table } from "@/app/_components/table";
import { VerdictReference } from "./verdict-reference";

export const metadata: Metadata = {
  title: "API reference",
  description: "Portcheck's JSON API: start port checks, poll their results, and read your IP address.",
};

export const dynamic = "force-dynamic";

const ERRORS: [code: string, status: number, meaning: string][] = [
  ["invalid_request", 400, "The body or a parameter is malformed; errors[] lists each problem with its path (host, ports/1, timeoutMs...)."],
  ["unauthorized", 401, "The endpoint needs a signed-in session (monitors)."],
  ["forbidden", 403, "A request that changes something with a session cookie did not come from Portcheck's own origin."],
  ["quota_exceeded", 403, "The account has as many monitors as it may have."],
  ["payload_too_large", 413, "The body is larger than 16 KiB."],
  ["unsupported_media_type", 415, "The body is not sent as application/json."],
  ["target_forbidden", 422, "The host is, or resolves to, an address Portcheck never checks: loopback, private, link-local, reserved and the like."],
  ["invalid_token", 422, "The verifyToken has expired, was already used, or was issued to another visitor. Get a new one."],
  ["rate_limited", 429, "Too many checks from you, or too many probes of this target, in the last minute. Wait for Retry-After seconds."],
  ["not_found", 404, "No such check, or no such endpoint."],
  ["service_unavailable", 503, "The database or the job queue is not reachable. Retry after a few seconds."],
  ["internal_error", 500, "A bug on our side."],
];

function Code({ children }: { children: React.ReactNode }) {
  return <pre className="mt-2 overflow-x-auto rounded-md bg-slate-100 p-3 text-sm dark:bg-slate-900">{children}</pre>;
}

export default function ApiDocsPage() {
  const { APP_URL, MAX_PORTS_PER_CHECK, RATE_LIMIT_CHECKS_PER_MINUTE, RATE_LIMIT_TARGET_PER_MINUTE, PROBE_TIMEOUT_MS } = env();
  return (
    <article className="space-y-8 leading-relaxed">
      <header>
        <h1 className="text-3xl font-bold">API reference</h1>
        <p className="mt-2 text-slate-600 dark:text-slate-400">
          JSON over HTTPS at <code>{APP_URL}/api/v1</code>. Errors are <code>application/problem+json</code> (RFC 9457) with a stable <code>code</code>.
        </p>
      </header>

      <section>
        <h2 className="text-xl font-semibold">Start a check: POST /api/v1/checks</h2>
        <p className="mt-2">
          <code>host</code> is a hostname, an IPv4 or IPv6 address, or <code>&quot;me&quot;</code> (your own IP). <code>ports</code> lists ports and ranges, at most{" "}
          {MAX_PORTS_PER_CHECK} ports after expansion. <code>timeoutMs</code> is optional (100 to 10000, default {PROBE_TIMEOUT_MS}); <code>protocol</code>, <code>family</code>,{" "}
          <code>tls</code> and <code>verifyToken</code> are described <a href="#check-options" className="underline">below</a>.
        </p>
        <Code>{`curl -X POST ${APP_URL}/api/v1/checks -H 'content-type: application/json' \\
  -d '{"host": "example.com", "ports": [22, 80, 443, "8000-8010"], "timeoutMs": 3000}'
curl -X POST ${APP_URL}/api/v1/checks -H 'content-type: application/json' \\
  -d '{"host": "example.com", "protocol": "udp", "ports": [53, 123, 19132]}'`}</Code>
        <p className="mt-2">The answer is 202 Accepted, with a Location header and the check as GET returns it, every result pending.</p>
      </section>

      <section>
        <h2 className="text-xl font-semibold">Poll the result: GET /api/v1/checks/{"{id}"}</h2>
        <p className="mt-2">
          Poll about once a second until <code>status</code> is <code>done</code> or <code>failed</code>. Results arrive as their verdicts exist, one per port and address family,
          each with a <a href="#states" className="underline">state</a> and a <a href="#reasons" className="underline">reason</a>. A check that failed says why in{" "}
          <code>error.code</code>: <code>dns_failed</code>, <code>target_forbidden</code>, <code>rate_limited</code> or <code>internal_error</code>. Check ids are random: a result is
          visible to whoever has its link.
        </p>
        <Code>{`{"id": "...", "status": "done", "host": "example.com", "protocol": "tcp", "family": "both", "tls": "auto",
 "ports": [22, 443], "addresses": [{"address": "93.184.216.34", "family": 4}, {"address": "2606:2800:21f:cb07:6820:80da:af6b:8b2c", "family": 6}],
 "createdAt": "...", "startedAt": "...", "finishedAt": "...", "error": null, "ownership": null,
 "results": [{"port": 22, "protocol": "tcp", "family": 4, "address": "93.184.216.34", "state": "open", "reason": "syn-ack",
              "latencyMs": 24.1, "errorCode": null, "checkedAt": "...", "service": {"name": "ssh", "description": "The Secure Shell (SSH) Protocol"},
              "tls": null, "banner": {"service": "ssh", "product": "OpenSSH", "version": "9.6p1", "text": "SSH-2.0-OpenSSH_9.6p1 Ubuntu-3ubuntu13.5"},
              "ownership": null},
             {"port": 22, "protocol": "tcp", "family": 6, "state": "filtered", "reason": "no-response", ...}, ...]}`}</Code>
      </section>

      <VerdictReference />

      <section>
        <h2 className="text-xl font-semibold">Your IP: GET /api/v1/ip</h2>
        <Code>{`{"ip": "203.0.113.7", "version": 4}`}</Code>
      </section>

      <section>
        <h2 className="text-xl font-semibold">Health: GET /api/health and GET /api/ready</h2>
        <p className="mt-2">
          <code>/api/health</code> answers while the process is up; <code>/api/ready</code> answers 200 when PostgreSQL and Redis both answer, else 503 naming the one that does not.
        </p>
      </section>

      <section>
        <h2 className="text-xl font-semibold">Monitors (signed-in accounts)</h2>
        <p className="mt-2">
          These endpoints use the session cookie of a signed-in account. A request that changes something must come from Portcheck&apos;s own origin (its Origin header);
          another account&apos;s monitor answers 404.
        </p>
        <ul className="mt-2 list-disc pl-6 font-mono text-sm">
          <li>GET /api/v1/monitors · POST /api/v1/monitors</li>
          <li>GET · PATCH · DELETE /api/v1/monitors/{"{id}"}</li>
          <li>GET /api/v1/monitors/{"{id}"}/results?cursor=&amp;limit= (newest first; nextCursor for the next page)</li>
          <li>GET /api/v1/monitors/{"{id}"}/incidents · GET /api/v1/monitors/{"{id}"}/deliveries</li>
          <li>POST /api/v1/monitors/{"{id}"}/test-alert</li>
        </ul>
        <p className="mt-2">
          Fields: <code>name</code>, <code>host</code>, <code>port</code>, <code>intervalSeconds</code>, <code>timeoutMs</code>, <code>expect</code> (<code>&quot;open&quot;</code> or{" "}
          <code>&quot;closed&quot;</code>), <code>confirmations</code>, <code>paused</code>, <code>emailAlerts</code>, <code>webhookUrl</code>, <code>alertRepeatMinutes</code>, and the
          probe&apos;s options: <code>protocol</code>, <code>family</code>, <code>tls</code> (as for checks), <code>degradedLatencyMs</code> (a slower answer is <code>degraded</code>:
          alerted as slow, not down), <code>send</code> (one line of text, at most 256 bytes, with \r \n \t escapes; commands that change data, such as Redis SET or SMTP MAIL,
          are refused) with <code>expectReply</code> (a text the reply must contain, else the run is down), and <code>certExpiryDays</code> (alert once per certificate that
          many days before it expires). With <code>family</code> &quot;both&quot;, an open monitor must be reachable over every family the worker can route to. Responses add{" "}
          <code>state</code> (pending, up, degraded, down, paused), <code>lastCheckedAt</code> and <code>uptime</code> ({"{"}&quot;24h&quot;, &quot;7d&quot;, &quot;30d&quot;{"}"} in percent). The
          webhook signing secret is returned once, when a webhook URL is set.
        </p>
        <h3 id="webhooks" className="mt-4 font-semibold">Webhooks</h3>
        <p className="mt-1">
          On down, recovery, reminders and tests Portcheck POSTs JSON to the monitor&apos;s webhook URL, retrying with backoff until it answers 2xx. Headers:{" "}
          <code>Portcheck-Event</code>, <code>Portcheck-Delivery</code> (unique id: deduplicate on it) and <code>Portcheck-Signature: t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</code>, where v1 is
          HMAC-SHA256 with your secret over <code>&lt;t&gt;.&lt;raw body&gt;</code>. Recompute it over the raw bytes and reject timestamps older than five minutes.
        </p>
        <Code>{`{"id": "…-webhook", "event": "monitor.down", "occurredAt": "2026-11-23T21:00:02.113Z",
 "monitor": {"id": "…", "name": "Game server", "host": "example.com", "port": 25565, "expect": "open", "state": "down",
             "url": "${APP_URL}/monitors/…"},
 "incident": {"id": "…", "state": "down", "startedAt": "2026-11-23T21:00:02.101Z", "endedAt": null, "cause": "filtered"}}`}</Code>
        <p className="mt-1 text-sm">
          Events: monitor.down, monitor.degraded (slow), monitor.up (recovery from down or slow), monitor.reminder (while down, if alertRepeatMinutes is set), monitor.certificate
          (with a <code>certificate</code> object: subject, issuer, validTo, daysLeft, fingerprint; incident is null), test (incident is null).
        </p>
      </section>

      <section>
        <h2 className="text-xl font-semibold">Limits</h2>
        <ul className="mt-2 list-disc pl-6">
          <li>{RATE_LIMIT_CHECKS_PER_MINUTE} checks per minute per client (an IPv4 address, or an IPv6 /64).</li>
          <li>{RATE_LIMIT_TARGET_PER_MINUTE} port probes per minute of one target address, across all callers.</li>
          <li>{MAX_PORTS_PER_CHECK} ports per check; request bodies up to 16 KiB.</li>
          <li>Private, loopback, link-local and other non-public addresses are never checked.</li>
        </ul>
      </section>

      <section>
        <h2 className="text-xl font-semibold">Errors</h2>
        <Code>{`{"type": "${APP_URL}/docs/api#rate_limited", "title": "Too many requests", "status": 429,
 "detail": "You can start ${RATE_LIMIT_CHECKS_PER_MINUTE} checks a minute. Try again in 42 s.", "code": "rate_limited"}`}</Code>
        <Table columns={["code", "status", "meaning"]}>
            {ERRORS.map(([code, status, meaning]) => (
              <tr key={code} id={code} className={rowClass}>
                <td className="py-2 pr-4 font-mono">{code}</td>
                <td className="py-2 pr-4">{status}</td>
                <td className="py-2">{meaning}</td>
              </tr>
            ))}
          </Table>
      </section>
    </article>
  );
}
