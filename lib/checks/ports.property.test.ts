// Property-based tests (fast-check) of the ports parser: it never throws, and what it accepts is sorted,
// distinct, in range and within the limit.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parsePorts, splitPortsText } from "./ports";

const item = fc.oneof(
  fc.integer({ min: -70000, max: 140000 }),
  fc.double(),
  fc.string({ maxLength: 20 }),
  fc.tuple(fc.integer({ min: 0, max: 70000 }), fc.integer({ min: 0, max: 70000 })).map(([a, b]) => `${a}-${b}`),
  fc.integer({ min: 1, max: 65535 }).map(String),
);

describe("the ports parser (property-based)", () => {
  it("never throws, and anything accepted is sorted, distinct, in range and within the limit", () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 50 }), fc.integer({ min: 1, max: 1000 }), (items, max) => {
        const result = parsePorts(items, max);
        if (!result.ok) {
          expect(result.issues.length).toBeGreaterThan(0);
          return;
        }
        expect(result.ports.length).toBeGreaterThan(0);
        expect(result.ports.length).toBeLessThanOrEqual(max);
        result.ports.forEach((port, index) => {
          expect(Number.isInteger(port) && port >= 1 && port <= 65535).toBe(true);
          if (index > 0) expect(port).toBeGreaterThan(result.ports[index - 1]!);
        });
      }),
      { numRuns: 3000 },
    );
  });

  it("splits any text without throwing", () => {
    fc.assert(fc.property(fc.string({ maxLength: 500 }), (text) => void splitPortsText(text)), { numRuns: 3000 });
  });
});
