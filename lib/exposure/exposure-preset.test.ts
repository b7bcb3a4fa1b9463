import { describe, expect, it } from "vitest";
import { EXPOSURE_PORTS, EXPOSURE_PRESET, exposureEntry } from "./exposure-preset";

describe("the exposure preset", () => {
  it("holds 100 distinct TCP ports, each with a name, a risk and a sentence", () => {
    expect(EXPOSURE_PORTS).toHaveLength(100);
    expect(new Set(EXPOSURE_PORTS).size).toBe(100);
    for (const entry of EXPOSURE_PRESET) {
      expect(entry.port).toBeGreaterThan(0);
      expect(entry.port).toBeLessThan(65536);
      expect(entry.name.length).toBeGreaterThan(1);
      expect(entry.why).toMatch(/\.$/);
    }
  });

  it("ranks the classic mistakes critical and the usual public services low", () => {
    for (const port of [445, 3389, 6379, 2375, 27017, 9200, 5900]) expect(exposureEntry(port)?.risk, String(port)).toBe("critical");
    for (const port of [80, 443]) expect(exposureEntry(port)?.risk).toBe("low");
    expect(exposureEntry(12345)).toBeUndefined();
  });
});
