import { describe, expect, it } from "vitest";
import { decodeVarInt, encodeVarInt } from "./var-int";

const CASES: [number, string][] = [
  [0, "00"],
  [1, "01"],
  [127, "7f"],
  [128, "8001"],
  [255, "ff01"],
  [25565, "ddc701"],
  [2097151, "ffff7f"],
  [2147483647, "ffffffff07"],
  [-1, "ffffffff0f"],
  [-2147483648, "8080808008"],
];

describe("VarInt", () => {
  it.each(CASES)("encodes %d as %s and decodes it back", (value, hex) => {
    expect(encodeVarInt(value).toString("hex")).toBe(hex);
    expect(decodeVarInt(Buffer.from(hex, "hex"))).toEqual({ ok: true, value, size: hex.length / 2 });
  });

  it("encodes -1 as five bytes ff ff ff ff 0f", () => {
    expect([...encodeVarInt(-1)]).toEqual([0xff, 0xff, 0xff, 0xff, 0x0f]);
  });

  it("decodes at an offset", () => {
    expect(decodeVarInt(Buffer.from("aaddc701", "hex"), 1)).toEqual({ ok: true, value: 25565, size: 3 });
  });

  it("says incomplete while continuation bytes are missing", () => {
    expect(decodeVarInt(Buffer.alloc(0))).toEqual({ ok: false, reason: "incomplete" });
    expect(decodeVarInt(Buffer.from("ddc7", "hex"))).toEqual({ ok: false, reason: "incomplete" });
  });

  it("rejects more than five bytes, or a fifth byte beyond 32 bits", () => {
    expect(decodeVarInt(Buffer.from("ffffffffff01", "hex"))).toEqual({ ok: false, reason: "too-long" });
    expect(decodeVarInt(Buffer.from("ffffffff1f", "hex"))).toEqual({ ok: false, reason: "too-long" });
  });

  it("refuses to encode what is not a 32-bit integer", () => {
    expect(() => encodeVarInt(2 ** 31)).toThrow(RangeError);
    expect(() => encodeVarInt(1.5)).toThrow(RangeError);
  });
});
