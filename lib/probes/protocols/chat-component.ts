// Minecraft's text: a plain string, or a chat component ({ text, extra: [...] }) nested to any
// depth, with "§x" formatting codes (colours, bold, obfuscated...) mixed in. Both editions use them.
import { sanitizeText } from "./sanitize-text";

/** Deeper nesting than any real MOTD uses: hostile JSON gets cut off rather than recursed into. */
const MAX_DEPTH = 16;
const MAX_LENGTH = 4096;

/** The plain text of a chat component: its own text, then its extras, in order. */
export function chatComponentText(component: unknown): string {
  const parts: string[] = [];
  let length = 0;
  const walk = (node: unknown, depth: number): void => {
    if (depth > MAX_DEPTH || length > MAX_LENGTH) return;
    if (typeof node === "string" || typeof node === "number" || typeof node === "boolean") {
      const text = String(node);
      parts.push(text);
      length += text.length;
    } else if (Array.isArray(node)) {
      for (const child of node) walk(child, depth + 1);
    } else if (node !== null && typeof node === "object") {
      const { text, extra } = node as { text?: unknown; extra?: unknown };
      if (typeof text === "string") walk(text, depth);
      if (Array.isArray(extra)) walk(extra, depth + 1);
    }
  };
  walk(component, 0);
  return parts.join("").slice(0, MAX_LENGTH);
}

/** Removes "§" and the character after it (a lone "§" at the end too). */
export function stripFormattingCodes(text: string): string {
  return text.replace(/§[\s\S]?/gu, "");
}

/** Formatting codes out, then made safe: MOTDs come decorated with colours and line breaks. */
export function minecraftText(text: string, maxChars: number): string {
  return sanitizeText(stripFormattingCodes(text), maxChars);
}
