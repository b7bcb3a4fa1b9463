// /docs/api: the API reference, rendered from the OpenAPI document (itself generated from the code), with
// examples, the limits, the problem codes (problem `type` URIs point at their anchors) and webhooks.
import type { Metadata } from "next";
import { rowClass, Table } from "@/app/_components/table";
import { env } from "@/lib/env";
import { type Endpoint, ENDPOINTS } from "@/lib/http/endpoints";
import { openApiDocument } from "@/lib/http/openapi";
import { PROBLEMS, PROBLEM_CODES } from "@/lib/http/problems";
import { BAD_KEYS_PER_MINUTE, TOKENS_PER_MINUTE } from "@/lib/limits/rate-limits";
import { Code, type OperationDoc, OperationSection } from "./operation-section";
import { VerdictReference } from "./verdict-reference";
import { WebhookReference } from "./webhook-reference";

export const metadata: Metadata = {
  title: "API reference",
  description: "Portcheck's JSON API: start port checks and follow their verdicts, manage monitors with API keys, import and export them.",
};

export const dynamic = "force-dynamic";

const TAGS = ["Checks", "Regions", "Ownership", "Monitors", "Status pages", "Maintenance windows", "Channels", "API keys", "Ports", "You"] as const;

function operations(document: ReturnType<typeof openApiDocument>): (OperationDoc & { tag: string })[] {
  const paths = document.paths as Record<string, Record<string, Omit<OperationDoc, "method" | "path" | "auth" | "example"> & { requestBody?: { content: Record<string, { schema: OperationDoc["body"] }> } }>>;
  return (Object.values(ENDPOINTS) as Endpoint[]).map((endpoint) => {
    const operation = paths[endpoint.path]![endpoint.method.toLowerCase()]!;
    return {
      ...operation,
      method: endpoint.method,
      path: endpoint.path,
      auth: endpoint.auth,
      tag: endpoint.tag,
      body: operation.requestBody?.content["application/json"]?.schema,
      example: endpoint.example,
    };
  });
}

export default function ApiDocsPage() {
  const config = env();
  const document = openApiDocument(config.APP_URL);
  const all = operations(document);
  const limits: [string, string][] = [
    ["Checks per minute, anonymous (per IPv4 address or IPv6 /64)", String(config.RATE_LIMIT_CHECKS_PER_MINUTE)],
    ["Checks per minute, per API key or signed-in account", String(config.RATE_LIMIT_KEY_CHECKS_PER_MINUTE)],
    ["Other API requests per minute, per caller", String(config.RATE_LIMIT_REQUESTS_PER_MINUTE)],
    ["Monitor changes and test alerts per minute, per account", String(config.RATE_LIMIT_CHECKS_PER_MINUTE)],
    ["Port probes per minute of one target address, across all callers", String(config.RATE_LIMIT_TARGET_PER_MINUTE)],
    ["Ports per check: anonymous / with a key or session", `${config.MAX_PORTS_PER_CHECK} / ${config.MAX_PORTS_PER_CHECK_AUTHENTICATED}`],
    ["Monitors per account", String(config.MAX_MONITORS_PER_USER)],
    ["Shortest monitor interval", `${config.MONITOR_MIN_INTERVAL_SECONDS} s`],
    ["Ownership tokens per minute, per client", String(TOKENS_PER_MINUTE)],
    ["Wrong API keys per minute, per client, before 429", String(BAD_KEYS_PER_MINUTE)],
    ["Request bodies (JSON) / imports", "16 KiB / 1 MiB, 500 monitors"],
    ["GET /api/v1/checks/{id}?wait=N", "at most 30 s"],
    ["Idempotency-Key remembered", "24 hours"],
  ];
  return (
    <article className="space-y-10 leading-relaxed">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">API reference</h1>
        <p className="text-slate-600 dark:text-slate-400">
          JSON over HTTPS at <code>{config.APP_URL}/api/v1</code>. The machine-readable contract is <a href="/api/v1/openapi.json" className="underline">/api/v1/openapi.json</a> (OpenAPI 3.1,
          generated from the code that serves these endpoints; this page is rendered from it).
        </p>
      </header>

      <section className="space-y-2">
        <h2 className="text-xl font-semibold">Authentication</h2>
        <p>
          Checks need no key. Monitors need an API key or a signed-in session. Create keys under <a href="/settings" className="underline">Settings</a> and send them as{" "}
          <code>Authorization: Bearer pck_…</code>: a key needs no Origin header and may be used from any origin. A <em>read</em> key may only GET (anything else is 403{" "}
          <code>insufficient_scope</code>). Keys are shown once, stored hashed, and revoked at once. Requests that change something with a session cookie must come from Portcheck&apos;s own pages.
        </p>
        <Code>{`export PORTCHECK_KEY=pck_...   # from Settings
curl -s -X POST ${config.APP_URL}/api/v1/checks -H 'content-type: application/json' -d '{"host": "example.com", "ports": [22, 443]}'
curl -s '${config.APP_URL}/api/v1/checks/<id>?wait=30'          # answers as soon as the check is done
curl -sN ${config.APP_URL}/api/v1/checks/<id>/events             # or follow it live (Server-Sent Events)
curl -s ${config.APP_URL}/api/v1/monitors -H "Authorization: Bearer $PORTCHECK_KEY"`}</Code>
      </section>

      <section id="limits" className="space-y-2">
        <h2 className="text-xl font-semibold">Limits</h2>
        <p>
          Every answer states its budget in <code>RateLimit-Limit</code>, <code>RateLimit-Remaining</code> and <code>RateLimit-Reset</code> (seconds). Over a limit the answer is 429{" "}
          <code>rate_limited</code> with <code>Retry-After</code>. Lists are paged with <code>?limit=</code> (at most 100) and <code>?cursor=</code>; follow the <code>next</code> link until it is null.{" "}
          <code>POST /api/v1/checks</code> and <code>POST /api/v1/monitors</code> honour <code>Idempotency-Key</code>.
        </p>
        <Table columns={["limit", "value"]}>
          {limits.map(([what, value]) => (
            <tr key={what} className={rowClass}>
              <td className="py-2 pr-4">{what}</td>
              <td className="py-2 font-mono">{value}</td>
            </tr>
          ))}
        </Table>
      </section>

      {TAGS.map((tag) => (
        <section key={tag} className="space-y-4">
          <h2 className="text-2xl font-semibold">{tag}</h2>
          {all
            .filter((operation) => operation.tag === tag)
            .map((operation) => (
              <OperationSection key={operation.operationId} operation={operation} baseUrl={config.APP_URL} />
            ))}
        </section>
      ))}

      <VerdictReference />
      <WebhookReference baseUrl={config.APP_URL} />

      <section className="space-y-2">
        <h2 className="text-xl font-semibold">Health: GET /api/health and GET /api/ready</h2>
        <p>
          <code>/api/health</code> answers while the process is up; <code>/api/ready</code> answers 200 when PostgreSQL and Redis both answer, else 503 naming the one that does not.
        </p>
      </section>

      <section id="errors" className="space-y-2">
        <h2 className="text-xl font-semibold">Errors</h2>
        <p>
          Every error is <code>application/problem+json</code> (RFC 9457) with a stable <code>code</code> to branch on; invalid fields are listed in <code>errors</code> with their path.
        </p>
        <Code>{`{"type": "${config.APP_URL}/docs/api#rate_limited", "title": "Too many requests", "status": 429,
 "detail": "You can start ${config.RATE_LIMIT_CHECKS_PER_MINUTE} checks a minute. Try again in 42 s.", "code": "rate_limited"}`}</Code>
        <Table columns={["code", "status", "meaning", "what to do"]}>
          {PROBLEM_CODES.map((code) => (
            <tr key={code} id={code} className={rowClass}>
              <td className="py-2 pr-4 font-mono">{code}</td>
              <td className="py-2 pr-4">{PROBLEMS[code].status}</td>
              <td className="py-2 pr-4">{PROBLEMS[code].title}</td>
              <td className="py-2">{PROBLEMS[code].action}</td>
            </tr>
          ))}
        </Table>
      </section>
    </article>
  );
}
