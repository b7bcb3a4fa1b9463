// Public badges: no login, cacheable for a minute, the state or uptime and nothing else about the monitor.
import "./helpers/monitor-env";
import { describe, expect, it } from "vitest";
import { GET as statusSvg } from "../app/badge/[monitorId]/status.svg/route";
import { GET as uptimeSvg } from "../app/badge/[monitorId]/uptime.svg/route";
import { POST as postMonitor } from "../app/api/v1/monitors/route";
import { runMonitor } from "../lib/monitors/run-monitor";
import { asAccount, signUp } from "./helpers/accounts";
import { params } from "./helpers/api";
import { openPort } from "./helpers/listeners";
import { closeMonitorSuiteAfterAll, monitorRunDeps } from "./helpers/monitor-suite";

const deps = monitorRunDeps();
closeMonitorSuiteAfterAll();

const get = (handler: typeof statusSvg, id: string, query = "") => handler(new Request(`http://localhost:3000/badge/${id}/x.svg${query}`), { params: Promise.resolve({ monitorId: id }) });

async function monitorAt(port: number, expect: "open" | "closed") {
  const account = await signUp("badges");
  const created = await (await postMonitor(asAccount(account, "/api/v1/monitors", { body: { name: "Secret name", host: "127.0.0.2", port, confirmations: 1, expect } }), params({}))).json();
  for (let minute = 0; minute < 2; minute++) await runMonitor(created.id, new Date(Date.UTC(2026, 10, 25, 11, minute)), deps);
  return created.id as string;
}

describe("badges", () => {
  it("show an up monitor's state and uptime, cacheable for a minute, without its name, host or port", async () => {
    const listener = await openPort();
    const id = await monitorAt(listener.port, "open");
    const status = await get(statusSvg, id);
    expect(status.status).toBe(200);
    expect(status.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
    expect(status.headers.get("cache-control")).toBe("public, max-age=60");
    const svg = await status.text();
    expect(svg).toContain("<title>status: up</title>");
    expect(svg).toContain("#2e9e44");
    for (const secret of ["Secret name", "127.0.0.2", String(listener.port)]) expect(svg).not.toContain(secret);
    const uptime = await get(uptimeSvg, id, "?period=7d");
    expect(await uptime.text()).toContain("<title>uptime 7d: 100%</title>");
    await listener.close();
  });

  it("call an open port that must stay closed exposed, in red", async () => {
    const listener = await openPort();
    const id = await monitorAt(listener.port, "closed");
    expect(await (await get(statusSvg, id)).text()).toMatch(/<title>status: exposed<\/title>.*#d73a2f/s);
    await listener.close();
  });

  it("answer 404 for unknown ids and 400 for an unknown period, never cached", async () => {
    for (const id of ["AAAAAAAAAAAAAAAAAAAAAA", "../../etc/passwd", "x".repeat(500)]) {
      const response = await get(statusSvg, id);
      expect(response.status).toBe(404);
      expect(response.headers.get("cache-control")).toBe("no-store");
    }
    expect((await get(uptimeSvg, "AAAAAAAAAAAAAAAAAAAAAA", "?period=1y")).status).toBe(400);
  });
});
