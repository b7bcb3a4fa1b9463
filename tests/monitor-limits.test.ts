// Monitors pay from the target's probe budget like checks do: a run the budget does not allow neither
// probes nor records a result, so it can never flip the state.
import "./helpers/monitor-env";
import { describe, expect, it } from "vitest";
import { POST as postMonitor } from "../app/api/v1/monitors/route";
import { consume } from "../lib/limits/rate-limits";
import { runMonitor } from "../lib/monitors/run-monitor";
import { webContext } from "../lib/web-context";
import { asAccount, signUp } from "./helpers/accounts";
import { params } from "./helpers/api";
import { openPort } from "./helpers/listeners";
import { closeMonitorSuiteAfterAll, monitorRunDeps } from "./helpers/monitor-suite";

const context = webContext();

closeMonitorSuiteAfterAll(() => context.limiters.target.delete("127.0.0.2"));

describe("monitors and the per-target probe budget", () => {
  it("spend one probe per address a run, and skip the run when the target's budget is spent", async () => {
    const account = await signUp("budget");
    const listener = await openPort();
    const { id } = await (await postMonitor(asAccount(account, "/api/v1/monitors", { body: { name: "Budgeted", host: "127.0.0.2", port: listener.port, confirmations: 1 } }), params({}))).json();
    const deps = { ...monitorRunDeps(), limiters: context.limiters };
    await context.limiters.target.delete("127.0.0.2");
    expect((await runMonitor(id, new Date(Date.UTC(2026, 10, 25, 12, 0)), deps)).kind).toBe("recorded");
    const spent = await context.limiters.target.get("127.0.0.2");
    expect(spent?.consumedPoints).toBe(1);

    await consume(context.limiters.target, "127.0.0.2", context.limiters.target.points);
    expect((await runMonitor(id, new Date(Date.UTC(2026, 10, 25, 12, 1)), deps)).kind).toBe("rate_limited");
    expect(listener.connections).toHaveLength(1);
    expect(await context.db.monitorResult.count({ where: { monitorId: id } })).toBe(1);
    await listener.close();
  });
});
