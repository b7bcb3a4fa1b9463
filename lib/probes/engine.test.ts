// The engine's scheduling decisions with a scripted runner: which ports are asked again, when, and how
// many at once. The network behaviour itself is tested against namespaces in tests/verdicts-*.test.ts.
import { describe, expect, it } from "vitest";
import { type EngineResult, type ProbeRunner, RETRY_PACE_MS, runEngine } from "./engine";
import type { Verdict } from "./types";

const closed: Verdict = { state: "closed", reason: "conn-refused", latencyMs: 1, errorCode: null };
const silent: Verdict = { state: "filtered", reason: "no-response", latencyMs: null, errorCode: null };
const open: Verdict = { state: "open", reason: "syn-ack", latencyMs: 1, errorCode: null };

/** A runner whose answer for a port may change on the second ask, recording when each ask started. */
function scripted(answer: (port: number, ask: number) => Verdict) {
  const asks = new Map<number, number[]>();
  const started = performance.now();
  const runner: ProbeRunner = async (_kind, target) => {
    const times = asks.get(target.port) ?? [];
    times.push(performance.now() - started);
    asks.set(target.port, times);
    return answer(target.port, times.length);
  };
  return { runner, asks };
}

async function run(ports: number[], runner: ProbeRunner, parallelism = 100) {
  const results: EngineResult[] = [];
  const outcome = await runEngine(
    { kind: "tcp", addresses: [{ address: "192.0.2.1", family: 4 }], ports, parallelism, options: { timeoutMs: 1000 } },
    { runner, onResult: (result) => results.push(result), routable: async () => true },
  );
  return { outcome, results };
}

describe("runEngine", () => {
  it("asks a host that answers nothing once per port, all at once", async () => {
    const { runner, asks } = scripted(() => silent);
    const { results } = await run(Array.from({ length: 100 }, (_, index) => 1000 + index), runner);
    expect(results).toHaveLength(100);
    expect([...asks.values()].every((times) => times.length === 1)).toBe(true);
  });

  it("asks silent ports again, paced, when the host answered a few others (a spent ICMP budget)", async () => {
    // Ports 1-6 refuse at once; 7-9 are silent first, then refuse: the host's ICMP tokens came back.
    const { runner, asks } = scripted((port, ask) => (port <= 6 || ask > 1 ? closed : silent));
    const { results } = await run([1, 2, 3, 4, 5, 6, 7, 8, 9], runner);
    expect(results.filter((result) => result.verdict.state === "closed")).toHaveLength(9);
    const seconds = [7, 8, 9].map((port) => asks.get(port)![1]!);
    // One token a second: the second asks are spaced by the pace, the first after one pace too.
    expect(seconds[0]).toBeGreaterThanOrEqual(RETRY_PACE_MS - 5);
    expect(seconds[1]! - seconds[0]!).toBeGreaterThanOrEqual(RETRY_PACE_MS - 5);
    expect(seconds[2]! - seconds[1]!).toBeGreaterThanOrEqual(RETRY_PACE_MS - 5);
  }, 10_000);

  it("asks silent ports again all at once when the refusals are too few or too many for a rate limit", async () => {
    for (const refusing of [1, 20]) {
      const ports = Array.from({ length: refusing + 5 }, (_, index) => index + 1);
      const { runner, asks } = scripted((port) => (port <= refusing ? closed : silent));
      const { results } = await run(ports, runner);
      const silentPorts = ports.filter((port) => port > refusing);
      expect(results.filter((result) => result.verdict.reason === "no-response")).toHaveLength(5);
      const secondAsks = silentPorts.map((port) => asks.get(port)![1]!);
      expect(Math.max(...secondAsks) - Math.min(...secondAsks)).toBeLessThan(RETRY_PACE_MS / 2);
    }
  });

  it("never asks again when the silent ports' host only ever completed handshakes (a DROP firewall)", async () => {
    const { runner, asks } = scripted((port) => (port === 443 ? open : silent));
    await run([443, 444, 445], runner);
    expect([...asks.values()].map((times) => times.length)).toEqual([1, 1, 1]);
  });

  it("reports no-route for a family this vantage point cannot reach, without probing", async () => {
    const { runner, asks } = scripted(() => open);
    const results: EngineResult[] = [];
    await runEngine(
      { kind: "tcp", addresses: [{ address: "2001:db8::1", family: 6 }], ports: [80, 443], parallelism: 10, options: { timeoutMs: 1000 } },
      { runner, onResult: (result) => results.push(result), routable: async () => false },
    );
    expect(asks.size).toBe(0);
    expect(results.map((result) => result.verdict)).toEqual([
      { state: "error", reason: "no-route", latencyMs: null, errorCode: "ENETUNREACH" },
      { state: "error", reason: "no-route", latencyMs: null, errorCode: "ENETUNREACH" },
    ]);
  });

  it("stops starting probes when aborted and reports the run as interrupted", async () => {
    const controller = new AbortController();
    const { runner, asks } = scripted(() => {
      controller.abort();
      return open;
    });
    const results: EngineResult[] = [];
    const outcome = await runEngine(
      { kind: "tcp", addresses: [{ address: "192.0.2.1", family: 4 }], ports: [1, 2, 3, 4], parallelism: 1, options: { timeoutMs: 1000 } },
      { runner, onResult: (result) => results.push(result), signal: controller.signal, routable: async () => true },
    );
    expect(outcome.interrupted).toBe(true);
    expect(asks.size).toBe(1);
  });
});
