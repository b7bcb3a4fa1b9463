// Starting and waiting for checks the way an API client does, through the real route handlers:
// POST /api/v1/checks, then GET until done or failed.
import { GET as getCheckRoute } from "../../app/api/v1/checks/[id]/route";
import { POST as postCheck } from "../../app/api/v1/checks/route";
import type { CheckResultView, CheckView } from "../../lib/checks/check-view";
import { webContext } from "../../lib/web-context";
import { newPeer, params, request } from "./api";
import { startWorker, type WorkerProcess } from "./worker-process";

export async function startCheck(body: Record<string, unknown>, peer = newPeer()): Promise<CheckView> {
  const response = await postCheck(request("/api/v1/checks", { body, peer }), params({}));
  const json = await response.json();
  if (response.status !== 202) throw new Error(`POST /api/v1/checks answered ${response.status}: ${JSON.stringify(json)}`);
  return json as CheckView;
}

export async function fetchCheck(id: string): Promise<CheckView> {
  return (await getCheckRoute(request(`/api/v1/checks/${id}`), params({ id }))).json();
}

/** Polls like a client until the check is done or failed. */
export async function waitFinished(id: string, timeoutMs = 90_000): Promise<CheckView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const check = await fetchCheck(id);
    if (check.status === "done" || check.status === "failed") return check;
    if (Date.now() > deadline) throw new Error(`check ${id} still ${check.status} after ${timeoutMs} ms: ${JSON.stringify(check.results)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function runCheckThrough(body: Record<string, unknown>, timeoutMs?: number): Promise<CheckView> {
  return waitFinished((await startCheck(body)).id, timeoutMs);
}

/** The result of one port over one family. */
export function resultOf(check: CheckView, port: number, family: 4 | 6 = 4): CheckResultView {
  const result = check.results.find((item) => item.port === port && item.family === family);
  if (!result) throw new Error(`no result for port ${port} over IPv${family}: ${JSON.stringify(check.results)}`);
  return result;
}

export { TEST_DENYLIST } from "../test-env";
import { TEST_DENYLIST } from "../test-env";

/** The real worker, allowed to probe the test namespaces only, asking the test's DNS server. */
export function startNamespaceWorker(dnsAddress: string, extraEnv: Record<string, string> = {}): Promise<WorkerProcess> {
  return startWorker({ TARGET_ALLOWLIST: "10.77.0.0/16,fd77::/64", TARGET_DENYLIST: TEST_DENYLIST, DNS_SERVERS: dnsAddress, ...extraEnv });
}

/** Closes this test process's web clients (queue, Redis, PostgreSQL) after the last test. */
export async function closeWebContext(): Promise<void> {
  const context = webContext();
  await context.probeQueue("local").close();
  await context.redis.quit();
  await context.db.$disconnect();
}
