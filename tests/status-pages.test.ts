// Status pages through the API (an account's own monitors only, unique slugs, ownership), and what the
// public page and its Atom feed reveal: names, states, uptime and incidents; hosts and ports only if asked.
import "./helpers/monitor-env";
import { describe, expect, it } from "vitest";
import { GET as feed } from "../app/(site)/status/[slug]/feed.xml/route";
import { DELETE as deletePage, GET as getPage, PATCH as patchPage } from "../app/api/v1/status-pages/[id]/route";
import { GET as listPages, POST as postPage } from "../app/api/v1/status-pages/route";
import { POST as postMonitor } from "../app/api/v1/monitors/route";
import { runMonitor } from "../lib/monitors/run-monitor";
import { publicStatus } from "../lib/status-pages/public-status";
import { webContext } from "../lib/web-context";
import { asAccount, signUp, type TestAccount } from "./helpers/accounts";
import { params, problem } from "./helpers/api";
import { closedPort, openPort } from "./helpers/listeners";
import { closeMonitorSuiteAfterAll, monitorRunDeps } from "./helpers/monitor-suite";

const context = webContext();
const deps = monitorRunDeps();
closeMonitorSuiteAfterAll();

async function monitor(account: TestAccount, name: string, port: number): Promise<string> {
  const { id } = await (await postMonitor(asAccount(account, "/api/v1/monitors", { body: { name, host: "127.0.0.2", port, confirmations: 1 } }), params({}))).json();
  for (let minute = 0; minute < 2; minute++) await runMonitor(id, new Date(Date.UTC(2026, 10, 25, 13, minute)), deps);
  return id;
}

const slug = () => `acme-${Date.now().toString(36)}`;

describe("status pages", () => {
  it("publish an account's own monitors and show names, states, uptime and incidents, not hosts or ports", async () => {
    const owner = await signUp("status-owner");
    const listener = await openPort();
    const web = await monitor(owner, "Website", listener.port);
    const db = await monitor(owner, "Database", await closedPort());
    const address = slug();
    const created = await postPage(asAccount(owner, "/api/v1/status-pages", { body: { slug: address, title: "Acme services", monitorIds: [web, db] } }), params({}));
    expect(created.status).toBe(201);
    const page = await created.json();
    expect(page).toMatchObject({ slug: address, title: "Acme services", showTargets: false, monitorIds: [web, db], links: { html: `http://localhost:3000/status/${address}` } });

    const shown = (await publicStatus(context.db, address))!;
    expect(shown.overall).toBe("outage");
    expect(shown.monitors.map((item) => [item.name, item.label, item.target])).toEqual([["Website", "UP", null], ["Database", "DOWN", null]]);
    expect(shown.monitors[0]!.days.at(-1)!.percent).toBe(100);
    expect(shown.current.map((incident) => incident.monitorName)).toEqual(["Database"]);
    expect(JSON.stringify(shown)).not.toContain("127.0.0.2");

    const atom = await feed(new Request(`http://localhost:3000/status/${address}/feed.xml`), { params: Promise.resolve({ slug: address }) });
    expect(atom.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const xml = await atom.text();
    expect(xml).toContain("<title>Database: down</title>");
    expect(xml).not.toContain("127.0.0.2");

    // The owner may show targets, reorder, rename.
    const patched = await (await patchPage(asAccount(owner, `/api/v1/status-pages/${page.id}`, { method: "PATCH", body: { showTargets: true, monitorIds: [db, web], title: "Acme" } }), params({ id: page.id }))).json();
    expect(patched).toMatchObject({ showTargets: true, monitorIds: [db, web], title: "Acme" });
    expect((await publicStatus(context.db, address))!.monitors.map((item) => item.target)).toEqual([expect.stringMatching(/^127\.0\.0\.2:\d+$/), `127.0.0.2:${listener.port}`]);
    expect((await (await listPages(asAccount(owner, "/api/v1/status-pages"), params({}))).json()).statusPages.map((item: { id: string }) => item.id)).toEqual([page.id]);

    expect((await deletePage(asAccount(owner, `/api/v1/status-pages/${page.id}`, { method: "DELETE" }), params({ id: page.id }))).status).toBe(204);
    expect(await publicStatus(context.db, address)).toBeNull();
    await listener.close();
  });

  it("refuse another account's monitors, a taken slug, and another account's page", async () => {
    const owner = await signUp("status-a");
    const stranger = await signUp("status-b");
    const theirs = await monitor(stranger, "Theirs", await closedPort());
    const mine = await monitor(owner, "Mine", await closedPort());
    const foreign = await postPage(asAccount(owner, "/api/v1/status-pages", { body: { slug: slug(), title: "Mine", monitorIds: [mine, theirs] } }), params({}));
    expect(foreign.status).toBe(400);
    expect((await problem(foreign)).errors).toEqual([{ path: "monitorIds/1", message: `${theirs} is not one of your monitors.` }]);

    const address = slug();
    const page = await (await postPage(asAccount(owner, "/api/v1/status-pages", { body: { slug: address, title: "Mine", monitorIds: [mine] } }), params({}))).json();
    const taken = await postPage(asAccount(stranger, "/api/v1/status-pages", { body: { slug: address, title: "Copy", monitorIds: [theirs] } }), params({}));
    expect(taken.status).toBe(409);
    expect((await problem(taken)).code).toBe("slug_taken");
    for (const bad of ["Acme", "a", "-acme", "api"]) {
      expect((await postPage(asAccount(owner, "/api/v1/status-pages", { body: { slug: bad, title: "x", monitorIds: [mine] } }), params({}))).status, bad).toBe(400);
    }

    expect((await getPage(asAccount(stranger, `/api/v1/status-pages/${page.id}`), params({ id: page.id }))).status).toBe(404);
    expect((await patchPage(asAccount(stranger, `/api/v1/status-pages/${page.id}`, { method: "PATCH", body: { title: "pwned" } }), params({ id: page.id }))).status).toBe(404);
    expect((await deletePage(asAccount(stranger, `/api/v1/status-pages/${page.id}`, { method: "DELETE" }), params({ id: page.id }))).status).toBe(404);
    expect((await publicStatus(context.db, address))!.title).toBe("Mine");
  });
});
