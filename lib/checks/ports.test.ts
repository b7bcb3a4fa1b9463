import { describe, expect, it } from "vitest";
import { parsePorts, splitPortsText } from "./ports";

describe("parsePorts", () => {
  it.each([
    [[22, 80, "8000-8002"], [22, 80, 8000, 8001, 8002]],
    [["443", 22, 22, "22"], [22, 443]],
    [["1"], [1]],
    [[65535], [65535]],
    [["65530 - 65535"], [65530, 65531, 65532, 65533, 65534, 65535]],
    [["80-80"], [80]],
    [[" 8080 "], [8080]],
  ])("%j expands to %j", (items, expected) => {
    expect(parsePorts(items, 20)).toEqual({ ok: true, ports: expected });
  });

  it.each([
    [[0], "ports/0", "not a port"],
    [[65536], "ports/0", "not a port"],
    [[-1], "ports/0", "not a port"],
    [[22.5], "ports/0", "not a port"],
    [[Number.NaN], "ports/0", "not a port"],
    [["0"], "ports/0", "out of range"],
    [["65536"], "ports/0", "out of range"],
    [["abc"], "ports/0", "not a port or a range"],
    [["22", "1e3"], "ports/1", "not a port or a range"],
    [["0x50"], "ports/0", "not a port or a range"],
    [["100-90"], "ports/0", "backwards"],
    [["1-"], "ports/0", "not a port or a range"],
    [["1-2-3"], "ports/0", "not a port or a range"],
    [["123456"], "ports/0", "not a port or a range"],
    [["70000-70001"], "ports/0", "out of range"],
  ])("%j is refused at %s (%s)", (items, path, message) => {
    const result = parsePorts(items, 20);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(`ports/${result.issues[0]!.index}`).toBe(path);
    expect(result.issues[0]!.message).toContain(message);
  });

  it("counts distinct ports after expanding ranges against the limit", () => {
    expect(parsePorts(["1-20"], 20).ok).toBe(true);
    expect(parsePorts(["1-21"], 20)).toEqual({ ok: false, issues: [{ index: -1, message: "At most 20 ports per check." }] });
    expect(parsePorts(["1-10", "5-15", 16, 17, 18, 19, 20], 20).ok).toBe(true);
    expect(parsePorts(["1-10", "11-21"], 20).ok).toBe(false);
  });

  it("never expands a huge range before refusing it", () => {
    const started = performance.now();
    const result = parsePorts(Array.from({ length: 1000 }, () => "1-65535"), 20);
    expect(result.ok).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("refuses an empty list", () => {
    expect(parsePorts([], 20)).toEqual({ ok: false, issues: [{ index: -1, message: "Enter at least one port." }] });
  });
});

describe("splitPortsText", () => {
  it("splits on commas, spaces and semicolons", () => {
    expect(splitPortsText(" 22, 80 443;8000-8010,,\n25 ")).toEqual(["22", "80", "443", "8000-8010", "25"]);
    expect(splitPortsText("")).toEqual([]);
  });
});
