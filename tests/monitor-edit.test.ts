// Editing a monitor in place keeps its history; a new target starts its state afresh; the webhook
// secret can be replaced, by its owner only.
import "./helpers/monitor-env";
import { describe, expect, it } from "vitest";
import { GET as getMonitorRoute, PATCH as patchMonitor } from "../app/api/v1/monitors/[id]/route";
import { POST as rotateSecret } from "../app/api/v1/monitors/[id]/webhook-secret/route";
import { POST as postMonitor } from "../app/api/v1/monitors/route";
import { runMonitor } from "../lib/monitors/run-monitor";
import { webContext } from "../lib/web-context";
import { asAccount, signUp } from "./helpers/accounts";
import { params, problem } from "./helpers/api";
import { openPort } from "./helpers/listeners";
import { closeMonitorSuiteAfterAll, monitorRunDeps } from "./helpers/monitor-suite";

const context = webContext();
const deps = monitorRunDeps();
closeMonitorSuiteAfterAll();

describe("editing a monitor", () => {
  it("changes every setting in place and keeps the results and incidents", async () => {
    const account = await signUp("editor");
    const listener = await openPort();
    const created = await (await postMonitor(asAccount(account, "/api/v1/monitors", { body: { name: "Before", host: "127.0.0.2", port: listener.port, intervalSeconds: 60, confirmations: 1 } }), params({}))).json();
    const id = created.id as string;
    for (let minute = 0; minute < 3; minute++) expect((await runMonitor(id, new Date(Date.UTC(2026, 10, 25, 10, minute)), deps)).kind).toBe("recorded");
    const results = await context.db.monitorResult.count({ where: { monitorId: id } });
    const incidents = await context.db.incident.count({ where: { monitorId: id } });
    expect(results).toBe(3);

    const changes = { name: "After", intervalSeconds: 120, timeoutMs: 2000, confirmations: 3, alertRepeatMinutes: 30, degradedLatencyMs: 500, certExpiryDays: 14, send: "PING\\r\\n", expectReply: "PONG", emailAlerts: false, webhookUrl: "http://127.0.0.2:9/hook" };
    const response = await patchMonitor(asAccount(account, `/api/v1/monitors/${id}`, { method: "PATCH", body: changes }), params({ id }));
    expect(response.status).toBe(200);
    const edited = await response.json();
    expect(edited).toMatchObject({ ...changes, state: "up" });
    expect(edited.webhookSecret).toMatch(/^whsec_/);
    expect(await context.db.monitorResult.count({ where: { monitorId: id } })).toBe(results);
    expect(await context.db.incident.count({ where: { monitorId: id } })).toBe(incidents);

    // A new port is a new question: the state starts over, the history stays.
    const moved = await (await patchMonitor(asAccount(account, `/api/v1/monitors/${id}`, { method: "PATCH", body: { port: listener.port === 65535 ? 1 : listener.port + 1 } }), params({ id }))).json();
    expect(moved.state).toBe("pending");
    expect(moved.regionStates).toEqual([{ region: "local", state: "pending", cause: null, lastCheckedAt: null }]);
    expect(await context.db.monitorResult.count({ where: { monitorId: id } })).toBe(results);
    await listener.close();
  });

  it("replaces the webhook secret for its owner only, and says so when there is no webhook", async () => {
    const owner = await signUp("rotator");
    const stranger = await signUp("stranger");
    const created = await (await postMonitor(asAccount(owner, "/api/v1/monitors", { body: { name: "Hooked", host: "127.0.0.2", port: 22, webhookUrl: "http://127.0.0.2:9/hook" } }), params({}))).json();
    const id = created.id as string;
    const rotated = await rotateSecret(asAccount(owner, `/api/v1/monitors/${id}/webhook-secret`, { method: "POST" }), params({ id }));
    expect(rotated.status).toBe(200);
    const { webhookSecret } = await rotated.json();
    expect(webhookSecret).toMatch(/^whsec_/);
    expect(webhookSecret).not.toBe(created.webhookSecret);
    expect((await context.db.monitor.findUniqueOrThrow({ where: { id } })).webhookSecret).toBe(webhookSecret);
    // Never shown again.
    expect((await (await getMonitorRoute(asAccount(owner, `/api/v1/monitors/${id}`), params({ id }))).json()).webhookSecret).toBeUndefined();

    const foreign = await rotateSecret(asAccount(stranger, `/api/v1/monitors/${id}/webhook-secret`, { method: "POST" }), params({ id }));
    expect(foreign.status).toBe(404);
    expect((await context.db.monitor.findUniqueOrThrow({ where: { id } })).webhookSecret).toBe(webhookSecret);

    await patchMonitor(asAccount(owner, `/api/v1/monitors/${id}`, { method: "PATCH", body: { webhookUrl: null } }), params({ id }));
    const none = await rotateSecret(asAccount(owner, `/api/v1/monitors/${id}/webhook-secret`, { method: "POST" }), params({ id }));
    expect(none.status).toBe(400);
    expect((await problem(none)).detail).toContain("no webhook URL");
  });
});
