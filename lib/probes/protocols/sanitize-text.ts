// Turns what a remote server sent into text that is safe to store, log and show. No control or
// bidi character survives unescaped, so a banner can never move a terminal cursor, recolour a log
// line, hide text, or reorder what a page shows.

/** Unicode Bidi_Control characters: they reorder the text around them when rendered. */
const BIDI_CONTROLS = new Set([0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);

/** Decodes bytes as UTF-8 (invalid sequences become U+FFFD) and makes them safe with sanitizeText. */
export function bannerText(bytes: Buffer, maxChars = 2048): string {
  return sanitizeText(bytes.toString("utf8"), maxChars);
}

/**
 * Line ends become LF, trailing whitespace goes, control and bidi characters become `\xNN` or
 * `\u{NNNN}`, and the result is at most maxChars code points, ending in "…" when cut.
 * An escape sequence is never cut in half.
 */
export function sanitizeText(text: string, maxChars = 2048): string {
  const budget = Math.floor(maxChars);
  if (!(budget >= 1)) return "";
  const normalised = text.replace(/\r\n?/g, "\n").trimEnd();
  let out = "";
  let used = 0;
  // Where the text must stop if an ellipsis has to fit after it.
  let cut = -1;
  for (const char of normalised) {
    const token = escapeChar(char);
    const cost = token === char ? 1 : token.length;
    if (cut < 0 && used + cost > budget - 1) cut = out.length;
    if (used + cost > budget) return `${out.slice(0, cut).trimEnd()}…`;
    out += token;
    used += cost;
  }
  return out;
}

function escapeChar(char: string): string {
  const code = char.codePointAt(0)!;
  const unsafe =
    (code < 0x20 && code !== 0x0a && code !== 0x09) ||
    (code >= 0x7f && code <= 0x9f) ||
    BIDI_CONTROLS.has(code) ||
    // A lone surrogate (from JSON such as "\ud800") cannot be stored as UTF-8.
    (code >= 0xd800 && code <= 0xdfff);
  if (!unsafe) return char;
  const hex = code.toString(16).toUpperCase();
  return code <= 0xff ? `\\x${hex.padStart(2, "0")}` : `\\u{${hex.padStart(4, "0")}}`;
}
