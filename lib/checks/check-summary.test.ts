import { describe, expect, it } from "vitest";
import { checkSummary } from "./check-summary";

const result = (port: number, state: string) => ({ port, state }) as never;

describe("checkSummary", () => {
  it("counts ports open over any family or region once", () => {
    const results = [result(22, "open"), result(22, "open"), result(80, "closed"), result(443, "filtered")];
    expect(checkSummary({ status: "done", host: "example.com", ports: [22, 80, 443], results })).toBe("1 of 3 ports open on example.com");
    expect(checkSummary({ status: "running", host: "example.com", ports: [22], results: [] })).toBe("Checking 1 port on example.com…");
    expect(checkSummary({ status: "failed", host: "example.com", ports: [22], results: [] })).toBe("The check of example.com could not be completed");
  });
});
