import { describe, expect, it } from "vitest";
import { bannerText, sanitizeText } from "./sanitize-text";

describe("bannerText", () => {
  it("keeps printable text, tabs and line feeds", () => {
    expect(bannerText(Buffer.from("220 hello\tworld\nsecond line"))).toBe("220 hello\tworld\nsecond line");
  });

  it("normalises CRLF and lone CR to LF and trims trailing whitespace", () => {
    expect(bannerText(Buffer.from("a\r\nb\rc\r\n  \t\r\n"))).toBe("a\nb\nc");
  });

  it("escapes C0 controls, DEL and C1 controls as \\xNN", () => {
    expect(bannerText(Buffer.from("\x1b[31mred\x1b[0m\x00\x07\x08\x7f"))).toBe("\\x1B[31mred\\x1B[0m\\x00\\x07\\x08\\x7F");
    expect(sanitizeText("a\u0085b\u009bc\u0080")).toBe("a\\x85b\\x9Bc\\x80");
    expect(sanitizeText("form\x0cfeed\x0bvt end")).toBe("form\\x0Cfeed\\x0Bvt end");
  });

  it("escapes bidi controls so text cannot be reordered on a page", () => {
    expect(sanitizeText("user\u202Egnp.exe")).toBe("user\\u{202E}gnp.exe");
    for (const code of [0x202a, 0x202b, 0x202c, 0x202d, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c]) {
      const escaped = sanitizeText(`x${String.fromCodePoint(code)}y`);
      expect(escaped).toBe(`x\\u{${code.toString(16).toUpperCase().padStart(4, "0")}}y`);
    }
  });

  it("replaces invalid UTF-8 and keeps valid non-ASCII text", () => {
    expect(bannerText(Buffer.from([0x61, 0xff, 0xfe, 0x62]))).toBe("a\uFFFD\uFFFDb");
    expect(bannerText(Buffer.from("Grüße, 世界 🎮"))).toBe("Grüße, 世界 🎮");
  });

  it("escapes lone surrogates, which cannot be stored as UTF-8", () => {
    expect(sanitizeText("a\uD800b")).toBe("a\\u{D800}b");
  });

  it("truncates at maxChars code points with an ellipsis", () => {
    expect(bannerText(Buffer.from("abcdefghij"), 10)).toBe("abcdefghij");
    expect(bannerText(Buffer.from("abcdefghijk"), 10)).toBe("abcdefghi…");
    expect(sanitizeText("🎮🎮🎮🎮", 3)).toBe("🎮🎮…");
    expect(bannerText(Buffer.alloc(10_000, 0x41))).toHaveLength(2048);
  });

  it("never cuts an escape sequence in half", () => {
    expect(sanitizeText("abc\x1bdef", 6)).toBe("abc…");
    expect(sanitizeText("abc\x1b", 7)).toBe("abc\\x1B");
    expect(sanitizeText("ab\u202Ecd", 10)).toBe("ab…");
    expect(sanitizeText("ab\u202Ecd", 11)).toBe("ab\\u{202E}…");
  });

  it("returns empty text for nothing or a zero budget", () => {
    expect(bannerText(Buffer.alloc(0))).toBe("");
    expect(sanitizeText("abc", 0)).toBe("");
    expect(sanitizeText("abc", 1)).toBe("…");
  });
});
