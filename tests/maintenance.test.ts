// Maintenance windows through the API (validation, ownership, next occurrences) and their effect on real
// monitor runs against listeners on 127.0.0.2: results kept, no incident and no alert during a window; the
// first run after it confirms the outage and alerts a real webhook receiver and real SMTP.
import { smtp } from "./helpers/monitor-env";
import { MAX_WINDOWS_PER_USER } from "../lib/maintenance/manage-windows";
import { beforeAll, describe, expect, it } from "vitest";
import { DELETE as deleteWindow, GET as getWindow, PATCH as patchWindow } from "../app/api/v1/maintenance-windows/[id]/route";
import { GET as listWindows, POST as postWindow } from "../app/api/v1/maintenance-windows/route";
import { GET as getMonitor } from "../app/api/v1/monitors/[id]/route";
import { GET as getResults } from "../app/api/v1/monitors/[id]/results/route";
import { POST as postMonitor } from "../app/api/v1/monitors/route";
import { POST as postPage } from "../app/api/v1/status-pages/route";
import { sendAlert } from "../lib/alerts/send-alert";
import { maintenanceFor } from "../lib/maintenance/covering-windows";
import { runMonitor } from "../lib/monitors/run-monitor";
import { publicStatus } from "../lib/status-pages/public-status";
import { webContext } from "../lib/web-context";
import { asAccount, signUp, type TestAccount } from "./helpers/accounts";
import { params, problem } from "./helpers/api";
import { closedPort, openPort } from "./helpers/listeners";
import { closeMonitorSuiteAfterAll, monitorRunDeps } from "./helpers/monitor-suite";
import { startWebhookReceiver } from "./helpers/webhook-receiver";

const context = webContext();
const deps = monitorRunDeps();
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
closeMonitorSuiteAfterAll(() => receiver.close());

let minute = 0;
/** A run at its own scheduled time (checkedAt is the real now, which the windows are judged by). */
const run = (id: string) => runMonitor(id, new Date(Date.UTC(2026, 11, 7, 12, minute++)), deps);

async function createMonitor(account: TestAccount, name: string, port: number): Promise<string> {
  const response = await postMonitor(asAccount(account, "/api/v1/monitors", { body: { name, host: "127.0.0.2", port, confirmations: 2, webhookUrl: receiver.url } }), params({}));
  expect(response.status).toBe(201);
  return (await response.json()).id;
}

const createWindow = (account: TestAccount, body: Record<string, unknown>) => postWindow(asAccount(account, "/api/v1/maintenance-windows", { body }), params({}));
const patch = (account: TestAccount, id: string, body: Record<string, unknown>) => patchWindow(asAccount(account, `/api/v1/maintenance-windows/${id}`, { method: "PATCH", body }), params({ id }));
const monitorView = async (account: TestAccount, id: string) => (await getMonitor(asAccount(account, `/api/v1/monitors/${id}`), params({ id }))).json();
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();

describe("a monitor in a maintenance window", () => {
  it("records results but opens no incident and sends no alert; after the window the outage is confirmed and alerted", async () => {
    const owner = await signUp("maint-owner", { verified: true });
    const listener = await openPort();
    const id = await createMonitor(owner, "Backup server", listener.port);
    for (let index = 0; index < 2; index++) expect((await run(id)).kind).toBe("recorded");
    expect((await monitorView(owner, id)).state).toBe("up");

    const created = await createWindow(owner, { title: "Disk swap", kind: "once", startsAt: ago(60_000), endsAt: new Date(Date.now() + 3600_000).toISOString(), monitorIds: [id] });
    expect(created.status).toBe(201);
    const window = await created.json();
    expect(window).toMatchObject({ kind: "once", activeNow: true, monitorIds: [id], nextOccurrences: [{ start: expect.any(String), end: expect.any(String) }] });
    expect((await maintenanceFor(context.db, [id])).get(id)?.windowId).toBe(window.id);

    await listener.close();
    for (let index = 0; index < 3; index++) expect(await run(id)).toEqual({ kind: "recorded", deliveryIds: [] });
    const during = await context.db.monitorResult.findMany({ where: { monitorId: id }, orderBy: { id: "asc" }, select: { observation: true, maintenance: true } });
    expect(during.slice(-3)).toEqual([...Array(3)].map(() => ({ observation: "down", maintenance: true })));
    expect(during.slice(0, 2).every((result) => !result.maintenance)).toBe(true);
    const listed = (await (await getResults(asAccount(owner, `/api/v1/monitors/${id}/results?limit=5`), params({ id }))).json()).results;
    expect(listed.map((result: { maintenance: boolean }) => result.maintenance)).toEqual([true, true, true, false, false]);
    expect(await monitorView(owner, id)).toMatchObject({ state: "up", maintenance: { windowId: window.id, title: "Disk swap", until: window.endsAt } });
    expect(await context.db.incident.count({ where: { monitorId: id, state: "down" } })).toBe(0);
    expect(await context.db.alertDelivery.count({ where: { monitorId: id } })).toBe(0);
    expect(receiver.hooks.filter((hook) => hook.body.includes(id))).toHaveLength(0);

    // The window ends while the port is still closed: the next run confirms the change and alerts.
    expect((await patch(owner, window.id, { endsAt: ago(1000) })).status).toBe(200);
    const after = await run(id);
    expect(after.kind).toBe("recorded");
    const deliveryIds = after.kind === "recorded" ? after.deliveryIds : [];
    expect(deliveryIds.map((delivery) => delivery.replace(/^.*-(email|webhook)$/, "$1")).sort()).toEqual(["email", "webhook"]);
    expect(await monitorView(owner, id)).toMatchObject({ state: "down", maintenance: null });
    expect(await context.db.incident.count({ where: { monitorId: id, state: "down", endedAt: null } })).toBe(1);
    for (const delivery of deliveryIds) expect(await sendAlert(context.db, delivery, { rules: deps.rules })).toBe("delivered");
    const hooks = receiver.hooks.filter((hook) => hook.body.includes(id));
    expect(hooks.map((hook) => JSON.parse(hook.body).event)).toEqual(["monitor.down"]);
    expect(smtp.mails.filter((mail) => mail.to.includes(owner.email) && mail.subject.includes("DOWN: Backup server"))).toHaveLength(1);
    const last = await context.db.monitorResult.findFirst({ where: { monitorId: id }, orderBy: { id: "desc" }, select: { maintenance: true } });
    expect(last?.maintenance).toBe(false);
  });

  it("holds a recovery during the window too: the up alert comes from the first run after it", async () => {
    const owner = await signUp("maint-recover");
    const port = await closedPort();
    const id = await createMonitor(owner, "Flaky", port);
    await run(id);
    const down = await run(id);
    expect(down.kind === "recorded" && down.deliveryIds.length).toBe(2);
    const window = await (await createWindow(owner, { title: "Fix", kind: "once", startsAt: ago(60_000), endsAt: new Date(Date.now() + 3600_000).toISOString(), monitorIds: [id] })).json();
    const listener = await openPort("127.0.0.2", port);
    try {
      for (let index = 0; index < 3; index++) expect(await run(id)).toEqual({ kind: "recorded", deliveryIds: [] });
      expect((await monitorView(owner, id)).state).toBe("down");
      expect((await patch(owner, window.id, { active: false })).status).toBe(200);
      const recovered = await run(id);
      expect(recovered.kind === "recorded" && recovered.deliveryIds.length).toBe(2);
      expect((await monitorView(owner, id)).state).toBe("up");
      const events = await context.db.alertDelivery.findMany({ where: { monitorId: id }, orderBy: { createdAt: "asc" }, select: { event: true, channel: true } });
      expect(events.map((item) => item.event)).toEqual(["down", "down", "up", "up"]);
    } finally {
      await listener.close();
    }
  });

  it("covers every monitor of a status page it is attached to, and the public page says maintenance", async () => {
    const owner = await signUp("maint-page");
    const id = await createMonitor(owner, "Mail relay", await closedPort());
    const other = await createMonitor(owner, "Web", await closedPort());
    const page = await (await postPage(asAccount(owner, "/api/v1/status-pages", { body: { slug: `maint-${Date.now().toString(36)}`, title: "Acme", monitorIds: [id] } }), params({}))).json();
    const response = await createWindow(owner, { title: "Weekly patching", kind: "cron", expression: "* * * * *", durationMinutes: 60, timeZone: "Europe/Berlin", statusPageIds: [page.id] });
    expect(response.status).toBe(201);
    expect((await response.json()).activeNow).toBe(true);
    for (let index = 0; index < 3; index++) expect(await run(id)).toEqual({ kind: "recorded", deliveryIds: [] });
    expect(await context.db.incident.count({ where: { monitorId: id } })).toBe(0);
    // A monitor not on the page is not covered: it goes down and alerts.
    await run(other);
    const outcome = await run(other);
    expect(outcome.kind === "recorded" && outcome.deliveryIds.length).toBe(2);
    const status = await publicStatus(context.db, page.slug);
    expect(status?.monitors[0]).toMatchObject({ id, maintenance: { until: expect.any(String) } });
    expect(status?.overall).toBe("maintenance");
    // Planned: a weekly window on the monitor shows when and what, not its title.
    // Three hours from now (UTC), well after the hour the cron window is on.
    const startTime = new Date(Date.now() + 3 * 3600_000).toISOString().slice(11, 16);
    await createWindow(owner, { title: "Secret vendor swap", kind: "weekly", days: [0, 1, 2, 3, 4, 5, 6], startTime, durationMinutes: 30, timeZone: "UTC", monitorIds: [id] });
    const planned = (await publicStatus(context.db, page.slug))?.planned ?? [];
    expect(planned.length).toBeGreaterThanOrEqual(1);
    expect(planned[0]).toEqual({ start: expect.stringContaining(`T${startTime}:00.000Z`), end: expect.any(String), monitorNames: ["Mail relay"] });
    expect(Date.parse(planned[0]!.end) - Date.parse(planned[0]!.start)).toBe(30 * 60_000);
    expect(JSON.stringify(planned)).not.toContain("Secret");
  });
});

describe("the maintenance windows API", () => {
  it("answers problem+json for schedules that are not sound, naming the field", async () => {
    const owner = await signUp("maint-api");
    const cases: [Record<string, unknown>, number, string][] = [
      [{ kind: "cron", expression: "61 * * * *", durationMinutes: 10 }, 422, "expression"],
      [{ kind: "cron", expression: "0 0 30 2 *", durationMinutes: 10 }, 422, "expression"],
      [{ kind: "weekly", days: ["mon"], startTime: "02:00", durationMinutes: 30, timeZone: "Mars/Olympus_Mons" }, 422, "timeZone"],
      [{ kind: "once", startsAt: "2027-05-01T12:00", endsAt: "2027-05-01T11:00" }, 422, "endsAt"],
      [{ kind: "once", startsAt: "2027-05-01T12:00", endsAt: "2027-05-09T12:00" }, 422, "endsAt"],
      [{ kind: "once", startsAt: "next tuesday", endsAt: "2027-05-09T12:00" }, 422, "startsAt"],
      [{ kind: "weekly", startTime: "02:00", durationMinutes: 30 }, 422, "days"],
      [{ kind: "weekly", days: ["mon"], startTime: "02:00", durationMinutes: 20_000 }, 422, "durationMinutes"],
      [{ kind: "weekly", days: ["someday"], startTime: "02:00", durationMinutes: 30 }, 400, "days/0"],
      [{ kind: "weekly", days: [1], startTime: "25:00", durationMinutes: 30 }, 400, "startTime"],
      [{ kind: "fortnightly" }, 400, "kind"],
    ];
    for (const [body, status, path] of cases) {
      const response = await createWindow(owner, { title: "x", ...body });
      expect(response.status, JSON.stringify(body)).toBe(status);
      const answer = await problem(response);
      expect(answer.code).toBe(status === 422 ? "invalid_schedule" : "invalid_request");
      expect(answer.errors?.map((error) => error.path), JSON.stringify(body)).toContain(path);
    }
    expect(await context.db.maintenanceWindow.count({ where: { user: { email: owner.email } } })).toBe(0);
  });

  it("reads wall-clock times in the window's zone, lists next occurrences, and keeps windows to their account", async () => {
    const owner = await signUp("maint-mine");
    const stranger = await signUp("maint-theirs");
    const mine = await createMonitor(owner, "Mine", await closedPort());
    const theirs = await createMonitor(stranger, "Theirs", await closedPort());
    const weekly = await createWindow(owner, { title: "Backups", kind: "weekly", days: ["mon", "thursday", 1], startTime: "23:30", durationMinutes: 90, timeZone: "Europe/Berlin", monitorIds: [mine] });
    expect(weekly.status).toBe(201);
    const view = await weekly.json();
    expect(view).toMatchObject({ days: [1, 4], startTime: "23:30", expression: null, activeNow: expect.any(Boolean), links: { self: expect.stringContaining(`/api/v1/maintenance-windows/${view.id}`) } });
    expect(view.nextOccurrences).toHaveLength(5);
    for (const occurrence of view.nextOccurrences) expect(Date.parse(occurrence.end) - Date.parse(occurrence.start)).toBe(90 * 60_000);

    const once = await (await createWindow(owner, { title: "Move", kind: "once", timeZone: "Europe/Berlin", startsAt: "2027-07-01T10:00", endsAt: "2027-07-01T12:00" })).json();
    expect([once.startsAt, once.endsAt]).toEqual(["2027-07-01T08:00:00.000Z", "2027-07-01T10:00:00.000Z"]);
    // Switching kind needs the new kind's fields, and clears the old ones.
    expect((await problem(await patch(owner, once.id, { kind: "cron" }))).errors?.map((error) => error.path)).toEqual(["expression", "durationMinutes"]);
    const switched = await (await patch(owner, once.id, { kind: "cron", expression: "0 4 * * 0", durationMinutes: 30, active: false })).json();
    expect(switched).toMatchObject({ kind: "cron", startsAt: null, endsAt: null, expression: "0 4 * * 0", active: false, activeNow: false });

    const foreign = await createWindow(owner, { title: "x", kind: "cron", expression: "0 4 * * *", durationMinutes: 5, monitorIds: [mine, theirs] });
    expect(foreign.status).toBe(400);
    expect((await problem(foreign)).errors).toEqual([{ path: "monitorIds/1", message: `${theirs} is not one of your monitors.` }]);
    expect((await patch(owner, view.id, { monitorIds: [theirs] })).status).toBe(400);

    const path = `/api/v1/maintenance-windows/${view.id}`;
    expect((await getWindow(asAccount(stranger, path), params({ id: view.id }))).status).toBe(404);
    expect((await patch(stranger, view.id, { title: "pwned" })).status).toBe(404);
    expect((await deleteWindow(asAccount(stranger, path, { method: "DELETE" }), params({ id: view.id }))).status).toBe(404);
    expect((await (await listWindows(asAccount(stranger, "/api/v1/maintenance-windows"), params({}))).json()).maintenanceWindows).toEqual([]);
    expect((await (await listWindows(asAccount(owner, "/api/v1/maintenance-windows"), params({}))).json()).maintenanceWindows.map((item: { id: string }) => item.id)).toEqual([view.id, once.id]);

    expect((await deleteWindow(asAccount(owner, path, { method: "DELETE" }), params({ id: view.id }))).status).toBe(204);
    expect((await getWindow(asAccount(owner, path), params({ id: view.id }))).status).toBe(404);
  });

  it("holds at most 50 windows per account, then answers quota_exceeded", async () => {
    const owner = await signUp("maint-quota");
    const body = { title: "Nightly", kind: "weekly", days: ["mon"], startTime: "02:00", durationMinutes: 30 };
    for (let i = 0; i < MAX_WINDOWS_PER_USER; i++) expect((await createWindow(owner, body)).status).toBe(201);
    const refused = await createWindow(owner, body);
    expect(refused.status).toBe(403);
    expect((await problem(refused)).code).toBe("quota_exceeded");
  });
});
