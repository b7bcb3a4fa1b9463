import { describe, expect, it } from "vitest";
import { observe, type Observation, type StreakState, transition } from "./state-machine";

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

describe("observe", () => {
  it("expects open: only an open verdict is up", () => {
    expect(observe("open", "open")).toBe("up");
    for (const verdict of ["closed", "filtered", "unreachable", "error"] as const) expect(observe("open", verdict)).toBe("down");
  });

  it("expects closed: only an open verdict is down; refused and filtered are both fine", () => {
    expect(observe("closed", "open")).toBe("down");
    for (const verdict of ["closed", "filtered", "unreachable", "error"] as const) expect(observe("closed", verdict)).toBe("up");
  });

  it("a check that could not run is down whatever the expectation", () => {
    expect(observe("closed", "error", "TARGET_FORBIDDEN")).toBe("down");
    expect(observe("closed", "error", "DNS_FAILED")).toBe("down");
  });
});
