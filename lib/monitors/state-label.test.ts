import { describe, expect, it } from "vitest";
import { formatDuration, stateLabel, stateWord } from "./state-label";

describe("stateLabel", () => {
  it("calls a closed-port monitor that is down EXPOSED, and everything else by its state", () => {
    expect(stateLabel("closed", "down")).toBe("EXPOSED");
    expect(stateLabel("open", "down")).toBe("DOWN");
    expect(stateLabel("open", "degraded")).toBe("SLOW");
    expect(stateLabel("closed", "up")).toBe("UP");
    expect(stateWord("closed", "down")).toBe("Exposed");
  });
});

describe("formatDuration", () => {
  it("says how long in the two largest units", () => {
    expect([0, 59, 60, 250, 3600, 7500, 86_400, 97_200 + 60].map(formatDuration)).toEqual(["0 s", "59 s", "1 min", "4 min 10 s", "1 h", "2 h 5 min", "1 d", "1 d 3 h"]);
  });
});
