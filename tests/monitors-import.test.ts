// Bulk import and export of monitors: 500 rows of CSV at once, a bad row refusing the whole file with an
// error per row, the quota for all of them, and export -> import as a round trip in JSON and CSV.
import "./helpers/large-limits";
import { afterAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "../app/api/v1/monitors/export/route";
import { POST as importRoute } from "../app/api/v1/monitors/import/route";
import { webContext } from "../lib/web-context";
import { asAccount, signUp, type TestAccount } from "./helpers/accounts";
import { params, problem, request } from "./helpers/api";

const context = webContext();

afterAll(async () => {
  await context.monitorQueues.monitors.obliterate({ force: true });
  await context.redis.quit();
  await context.db.$disconnect();
});

function importAs(account: TestAccount, body: string, contentType: string): Promise<Response> {
  const base = asAccount(account, "/api/v1/monitors/import", { method: "POST" });
  const headers = new Headers(base.headers);
  headers.set("content-type", contentType);
  return importRoute(new Request(base.url, { method: "POST", headers, body }), params({}));
}

async function monitorCount(account: TestAccount): Promise<number> {
  const user = await context.db.user.findUniqueOrThrow({ where: { email: account.email } });
  return context.db.monitor.count({ where: { userId: user.id } });
}

describe("POST /api/v1/monitors/import", () => {
  it("imports 500 monitors from CSV in one go", async () => {
    const account = await signUp("import-500");
    const lines = ["name,host,port,intervalSeconds,expect", ...Array.from({ length: 500 }, (_, index) => `"Service ${index}, east",127.0.0.2,${1000 + index},3600,${index % 2 ? "open" : "closed"}`)];
    const response = await importAs(account, lines.join("\r\n"), "text/csv");
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.monitors).toHaveLength(500);
    expect(body.monitors[1]).toMatchObject({ name: "Service 1, east", host: "127.0.0.2", port: 1001, intervalSeconds: 3600, expect: "open" });
    expect(await monitorCount(account)).toBe(500);
  }, 60_000);

  it("refuses the whole file when a row is bad, with an error per row and field", async () => {
    const account = await signUp("import-bad");
    const rows = [
      { name: "Good", host: "127.0.0.2", port: 22 },
      { name: "Bad port", host: "127.0.0.2", port: 70000 },
      { name: "Private", host: "10.0.0.1", port: 22 },
      { name: "Bad expect", host: "127.0.0.2", port: 22, expect: "+PONG" },
    ];
    const response = await importAs(account, JSON.stringify(rows), "application/json");
    expect(response.status).toBe(400);
    const details = await problem(response);
    expect(details.detail).toBe("3 of 4 rows are invalid; nothing was imported.");
    expect(details.errors?.map((error) => error.path)).toEqual(["rows/1/port", "rows/2/host", "rows/3/expect"]);
    expect(await monitorCount(account)).toBe(0);
  });

  it("applies the quota to the whole import", async () => {
    const account = await signUp("import-quota");
    const rows = Array.from({ length: 501 }, (_, index) => ({ name: `M${index}`, host: "127.0.0.2", port: 1 + index, paused: true }));
    const tooMany = await importAs(account, JSON.stringify(rows), "application/json");
    expect(tooMany.status).toBe(400);
    expect((await problem(tooMany)).detail).toContain("at most 500");
    // The quota here is 1000: two imports of 500 fill it, and then even one more is refused, whole.
    expect((await importAs(account, JSON.stringify(rows.slice(0, 500)), "application/json")).status).toBe(201);
    expect((await importAs(account, JSON.stringify(rows.slice(1, 501)), "application/json")).status).toBe(201);
    const full = await importAs(account, JSON.stringify(rows.slice(0, 2)), "application/json");
    expect(full.status).toBe(403);
    expect((await problem(full)).code).toBe("quota_exceeded");
    expect(await monitorCount(account)).toBe(1000);
  }, 60_000);

  it("holds an unconfirmed account to a few monitors, and says how to get more", async () => {
    const account = await signUp("import-unverified", { verified: false });
    const rows = Array.from({ length: 6 }, (_, index) => ({ name: `U${index}`, host: "127.0.0.2", port: 1 + index, paused: true }));
    const over = await importAs(account, JSON.stringify(rows), "application/json");
    expect(over.status).toBe(403);
    expect((await problem(over)).detail).toMatch(/Until you confirm your e-mail address, an account can have 5 monitors/);
    expect((await importAs(account, JSON.stringify(rows.slice(0, 5)), "application/json")).status).toBe(201);
    expect(await monitorCount(account)).toBe(5);
  });

  it("refuses other media types and empty imports", async () => {
    const account = await signUp("import-type");
    expect((await importAs(account, "name,host", "text/plain")).status).toBe(415);
    expect((await importAs(account, "[]", "application/json")).status).toBe(400);
    expect((await importAs(account, "name,host\nx,y", "text/csv")).status).toBe(400);
  });
});

describe("GET /api/v1/monitors/export", () => {
  it("gives back the import's shape: JSON and CSV round trips", async () => {
    const source = await signUp("export-source");
    const rows = [
      { name: "Web", host: "127.0.0.2", port: 443, intervalSeconds: 300, expect: "open", protocol: "tcp", family: "4", tls: true, degradedLatencyMs: 500, certExpiryDays: 14, paused: true },
      { name: "Database, must stay shut", host: "127.0.0.2", port: 5432, intervalSeconds: 600, expect: "closed", paused: true },
      { name: "Game", host: "127.0.0.2", port: 19132, protocol: "udp", paused: true },
    ];
    expect((await importAs(source, JSON.stringify(rows), "application/json")).status).toBe(201);
    const json = await exportRoute(asAccount(source, "/api/v1/monitors/export?format=json"), params({}));
    expect(json.headers.get("content-type")).toBe("application/json");
    const exported = await json.json();
    expect(exported).toHaveLength(3);
    const target = await signUp("export-target");
    expect((await importAs(target, JSON.stringify(exported), "application/json")).status).toBe(201);
    const again = await (await exportRoute(asAccount(target, "/api/v1/monitors/export?format=json"), params({}))).json();
    expect(again).toEqual(exported);

    const csv = await (await exportRoute(asAccount(source, "/api/v1/monitors/export?format=csv"), params({}))).text();
    expect(csv.split("\n")[0]).toBe("name,host,port,intervalSeconds,expect");
    expect(csv).toContain('"Database, must stay shut",127.0.0.2,5432,600,closed');
    const fromCsv = await signUp("export-csv");
    expect((await importAs(fromCsv, csv, "text/csv")).status).toBe(201);
    const csvAgain = await (await exportRoute(asAccount(fromCsv, "/api/v1/monitors/export?format=csv"), params({}))).text();
    expect(csvAgain).toBe(csv);
  });
});
