import { describe, expect, it } from "vitest";
import { STARTS_PER_TURN, startTurn } from "./start-gate";

describe("startTurn", () => {
  it("lets at most STARTS_PER_TURN probes start in one turn of the event loop, in order, and all eventually", async () => {
    const order: (number | "turn")[] = [];
    const starts = Array.from({ length: STARTS_PER_TURN * 2 + 1 }, (_, index) => startTurn().then(() => order.push(index)));
    // Queued behind the gate's first turn: it runs once that turn's starts have happened.
    setImmediate(() => order.push("turn"));
    await Promise.all(starts);
    expect(order.indexOf("turn")).toBe(STARTS_PER_TURN);
    expect(order.filter((item) => item !== "turn")).toEqual(Array.from({ length: STARTS_PER_TURN * 2 + 1 }, (_, index) => index));
  });

  it("starts the probes of small jobs first, however many others wait", async () => {
    const order: string[] = [];
    const bulk = Array.from({ length: STARTS_PER_TURN * 5 }, (_, index) => startTurn().then(() => order.push(`bulk${index}`)));
    const urgent = startTurn(true).then(() => order.push("urgent"));
    await Promise.all([...bulk, urgent]);
    expect(order.indexOf("urgent")).toBe(0);
    expect(order.filter((item) => item !== "urgent")).toEqual(Array.from({ length: STARTS_PER_TURN * 5 }, (_, index) => `bulk${index}`));
  });
});
