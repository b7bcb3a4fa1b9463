// Property-based tests (fast-check) of the host parser and the target policy: whatever is typed, the
// parser answers or refuses with a TargetError, and no spelling of a forbidden address is ever allowed.
// Pure functions only: nothing here touches the network.
import fc from "fast-check";
import ipaddr from "ipaddr.js";
import { describe, expect, it } from "vitest";
import { normaliseHostOrThrow } from "./check-literal";
import { TargetError } from "./errors";
import { FORBIDDEN_IPV4, FORBIDDEN_IPV6 } from "./forbidden-ranges";
import { parseHost } from "./parse-host";
import { judgeAddress } from "./policy";

const RUNS = { numRuns: 3000 };

/** Throws only TargetError, or answers. */
function parsesOrRefuses(input: string): void {
  try {
    parseHost(input);
  } catch (error) {
    if (!(error instanceof TargetError)) throw error;
  }
}

/** A random IPv4 address inside one of the forbidden ranges, as four numbers. */
const forbiddenV4 = fc
  .tuple(fc.constantFrom(...FORBIDDEN_IPV4.map((range) => range.cidr)), fc.integer({ min: 0, max: 0xffffffff }))
  .map(([cidr, noise]) => {
    const [base, bits] = ipaddr.parseCIDR(cidr) as [ipaddr.IPv4, number];
    const start = base.toByteArray().reduce((sum, byte) => sum * 256 + byte, 0);
    const hostBits = 32 - bits;
    const value = start + (hostBits === 32 ? noise : noise % 2 ** hostBits);
    return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256);
  });

/** The many ways to write an IPv4 address that browsers, curl and WHATWG parsing accept. */
const spellingV4 = fc.tuple(forbiddenV4, fc.integer({ min: 0, max: 9 }), fc.boolean()).map(([bytes, style, upper]) => {
  const [a, b, c, d] = bytes as [number, number, number, number];
  const int = ((a * 256 + b) * 256 + c) * 256 + d;
  const hex = (n: number) => (upper ? `0X${n.toString(16).toUpperCase()}` : `0x${n.toString(16)}`);
  const spellings = [
    `${a}.${b}.${c}.${d}`,
    String(int),
    hex(int),
    `0${int.toString(8)}`,
    `${hex(a)}.${hex(b)}.${hex(c)}.${hex(d)}`,
    `0${a.toString(8)}.0${b.toString(8)}.${c}.${d}`,
    `${a}.${b}.${c * 256 + d}`,
    `${a}.${(b * 256 + c) * 256 + d}`,
    `::ffff:${a}.${b}.${c}.${d}`,
    `[::ffff:${(a * 256 + b).toString(16)}:${(c * 256 + d).toString(16)}]`,
  ];
  return { address: `${a}.${b}.${c}.${d}`, spelling: spellings[style]! + (style < 8 && upper ? "." : "") };
});

const forbiddenV6 = fc
  .tuple(fc.constantFrom(...FORBIDDEN_IPV6.map((range) => range.cidr)), fc.array(fc.integer({ min: 0, max: 0xffff }), { minLength: 8, maxLength: 8 }))
  .map(([cidr, noise]) => {
    const [base, bits] = ipaddr.parseCIDR(cidr) as [ipaddr.IPv6, number];
    const parts = base.parts.map((part, index) => {
      const fixed = Math.max(0, Math.min(16, bits - index * 16));
      const mask = fixed === 0 ? 0 : (0xffff << (16 - fixed)) & 0xffff;
      return (part & mask) | (noise[index]! & ~mask & 0xffff);
    });
    return new ipaddr.IPv6(parts);
  });

describe("the host parser (property-based)", () => {
  it("answers or refuses with a TargetError whatever is typed", () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), parsesOrRefuses), RUNS);
    fc.assert(fc.property(fc.string({ unit: "binary", maxLength: 300 }), parsesOrRefuses), RUNS);
    fc.assert(fc.property(fc.stringMatching(/^[0-9a-fA-FxX.:[\]]{1,60}$/), parsesOrRefuses), RUNS);
  });

  it("never allows any spelling of a forbidden IPv4 address", () => {
    fc.assert(
      fc.property(spellingV4, ({ address, spelling }) => {
        let allowed: string | null = null;
        try {
          allowed = normaliseHostOrThrow(spelling, {}).value;
        } catch (error) {
          expect(error).toBeInstanceOf(TargetError);
          return;
        }
        // An answer at all means the spelling was read as a name, never as an allowed address.
        expect(judgeAddress(allowed, {})?.allowed ?? false, `${spelling} read as ${allowed} (${address})`).toBe(false);
      }),
      RUNS,
    );
  });

  it("never allows any spelling of a forbidden IPv6 address", () => {
    fc.assert(
      fc.property(forbiddenV6, fc.integer({ min: 0, max: 3 }), (address, style) => {
        const spelling = [address.toString(), address.toNormalizedString(), `[${address.toString().toUpperCase()}]`, address.parts.map((part) => part.toString(16).padStart(4, "0")).join(":")][style]!;
        expect(() => normaliseHostOrThrow(spelling, {}), spelling).toThrow(TargetError);
        expect(judgeAddress(address.toNormalizedString(), {})?.allowed).toBe(false);
      }),
      RUNS,
    );
  });

  it("refuses forbidden addresses even when an operator's allowlist names something else", () => {
    const rules = { allowlist: [ipaddr.parseCIDR("127.0.0.2/32")] as [ipaddr.IPv4, number][] };
    fc.assert(
      fc.property(spellingV4, ({ address, spelling }) => {
        fc.pre(address !== "127.0.0.2");
        expect(() => normaliseHostOrThrow(spelling, rules), spelling).toThrow(TargetError);
      }),
      RUNS,
    );
  });
});
