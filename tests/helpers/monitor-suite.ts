// What the monitor test files share: runMonitor's dependencies for listeners on 127.0.0.2, and closing the
// web's clients (queues, SMTP, Redis, PostgreSQL) after the file's last test.
import ipaddr from "ipaddr.js";
import { afterAll } from "vitest";
import { runInProcess } from "../../lib/probes/registry";
import { webContext } from "../../lib/web-context";
import { smtp } from "./monitor-env";

/** Probes in this process, allowed to reach 127.0.0.2 only. */
export function monitorRunDeps() {
  return { db: webContext().db, rules: { allowlist: [ipaddr.parseCIDR("127.0.0.2/32")] }, runner: runInProcess };
}

/** After the last test: `before` (the file's own clean-up), then the queues, SMTP, Redis and PostgreSQL. */
export function closeMonitorSuiteAfterAll(before: () => Promise<unknown> = async () => {}): void {
  afterAll(async () => {
    const context = webContext();
    await before();
    await context.monitorQueues.monitors.obliterate({ force: true });
    await context.monitorQueues.alerts.obliterate({ force: true });
    await smtp.close();
    await context.redis.quit();
    await context.db.$disconnect();
  });
}
