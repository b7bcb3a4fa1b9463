import { describe, expect, it } from "vitest";
import type { Verdict } from "../probes/types";
import { type FamilyVerdict, judgeRun, type Observation, type StreakState, tally, transition } from "./state-machine";

function run(start: StreakState, observations: Observation[], confirmations = 2) {
  const states: string[] = [];
  const changes: (Observation | null)[] = [];
  let current = start;
  for (const observation of observations) {
    const next = transition(current, observation, confirmations);
    states.push(next.state);
    changes.push(next.changedTo);
    current = next;
  }
  return { states, changes, last: current };
}

const pending: StreakState = { state: "pending", streakState: null, streakCount: 0 };

describe("monitor state machine", () => {
  it("goes from pending to up only after the confirmations agree", () => {
    expect(run(pending, ["up", "up", "up"])).toMatchObject({ states: ["pending", "up", "up"], changes: [null, "up", null] });
  });

  it("ignores one lost packet", () => {
    const up: StreakState = { state: "up", streakState: "up", streakCount: 5 };
    expect(run(up, ["down", "up", "down", "up"]).states).toEqual(["up", "up", "up", "up"]);
  });

  it("goes down after two failures in a row, and recovers after two successes", () => {
    const up: StreakState = { state: "up", streakState: "up", streakCount: 5 };
    expect(run(up, ["down", "down", "down", "up", "up"])).toMatchObject({
      states: ["up", "down", "down", "down", "up"],
      changes: [null, "down", null, null, "up"],
    });
  });

  it("honours other confirmation counts, with 1 meaning at once", () => {
    expect(run(pending, ["down"], 1).changes).toEqual(["down"]);
    expect(run(pending, ["down", "down", "down"], 3).changes).toEqual([null, null, "down"]);
  });

  it("never changes a paused monitor", () => {
    expect(run({ state: "paused", streakState: null, streakCount: 0 }, ["up", "up", "up"]).states).toEqual(["paused", "paused", "paused"]);
  });
});

function v(state: Verdict["state"], reason: Verdict["reason"], family: 4 | 6 = 4, extra: Partial<Verdict> = {}): FamilyVerdict {
  return { family, address: family === 4 ? "192.0.2.1" : "2001:db8::1", verdict: { state, reason, latencyMs: state === "open" ? 20 : null, errorCode: null, ...extra } };
}
const open = { expect: "open" as const, degradedLatencyMs: null };
const closed = { expect: "closed" as const, degradedLatencyMs: null };

describe("judgeRun", () => {
  it("expects open: only an open verdict is up", () => {
    expect(judgeRun(open, [v("open", "syn-ack")], null).observation).toBe("up");
    for (const [state, reason] of [["closed", "conn-refused"], ["filtered", "no-response"], ["filtered", "host-unreach"], ["open|filtered", "no-response"], ["error", "local-error"]] as const) {
      expect(judgeRun(open, [v(state, reason)], null)).toMatchObject({ observation: "down", cause: `${state}: ${reason}` });
    }
  });

  it("expects closed: only an open verdict is down (EXPOSED); refused, filtered and silent are fine", () => {
    expect(judgeRun(closed, [v("open", "syn-ack")], null).observation).toBe("down");
    for (const [state, reason] of [["closed", "conn-refused"], ["filtered", "no-response"], ["filtered", "admin-prohibited"], ["open|filtered", "no-response"], ["error", "local-error"]] as const) {
      expect(judgeRun(closed, [v(state, reason)], null).observation).toBe("up");
    }
  });

  it("a run that could not probe is down whatever the expectation", () => {
    expect(judgeRun(closed, [], "TARGET_FORBIDDEN")).toMatchObject({ observation: "down", cause: "TARGET_FORBIDDEN" });
    expect(judgeRun(open, [], "DNS_FAILED")).toMatchObject({ observation: "down", cause: "DNS_FAILED" });
  });

  it("dual stack: open must hold on every family, closed on every family; a family without a route does not vote", () => {
    expect(judgeRun(open, [v("open", "syn-ack", 4), v("filtered", "no-response", 6)], null)).toMatchObject({ observation: "down", cause: "filtered: no-response (IPv6)" });
    expect(judgeRun(closed, [v("closed", "conn-refused", 4), v("open", "syn-ack", 6)], null)).toMatchObject({ observation: "down", cause: "open: syn-ack (IPv6)" });
    expect(judgeRun(open, [v("open", "syn-ack", 4), v("error", "no-route", 6)], null).observation).toBe("up");
    expect(judgeRun(open, [v("error", "no-route", 6)], null)).toMatchObject({ observation: "down", cause: "no-route" });
  });

  it("a slow answer is degraded, not down; a reply without the expected text is down", () => {
    const slowOk = { expect: "open" as const, degradedLatencyMs: 100 };
    expect(judgeRun(slowOk, [v("open", "syn-ack", 4, { latencyMs: 99 })], null).observation).toBe("up");
    expect(judgeRun(slowOk, [v("open", "syn-ack", 4, { latencyMs: 250 })], null)).toMatchObject({ observation: "degraded", cause: "slow: 250 ms (over 100 ms)" });
    expect(judgeRun(open, [v("open", "syn-ack", 4, { replyMatched: false })], null).observation).toBe("down");
    expect(judgeRun(open, [v("open", "syn-ack", 4, { replyMatched: true })], null).observation).toBe("up");
  });
});

describe("degraded in the state machine", () => {
  it("needs its confirmations like any change, and recovers to up", () => {
    const up: StreakState = { state: "up", streakState: "up", streakCount: 3 };
    expect(run(up, ["degraded", "degraded", "up", "up"])).toMatchObject({ states: ["up", "degraded", "degraded", "up"], changes: [null, "degraded", null, "up"] });
  });
});

describe("tally: the regions' vote", () => {
  it("changes nothing without a majority, and follows a majority", () => {
    expect(tally(["up", "down"], null)).toBeNull();
    expect(tally(["up", "up", "down"], null)).toBe("up");
    expect(tally(["down", "down", "up"], null)).toBe("down");
    expect(tally(["down", "degraded", "up"], null)).toBe("degraded");
    expect(tally(["down"], null)).toBe("down");
    expect(tally([], null)).toBeNull();
  });

  it("uses a configured quorum: any one region, or all of them", () => {
    expect(tally(["up", "up", "down"], 1)).toBe("down");
    expect(tally(["up", "down", "down"], 3)).toBeNull();
    expect(tally(["up", "up", "up"], 3)).toBe("up");
  });
});
