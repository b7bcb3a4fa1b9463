import { describe, expect, it } from "vitest";
import { chatComponentText, minecraftText, stripFormattingCodes } from "./chat-component";

describe("chatComponentText", () => {
  it("takes a plain string as it is", () => {
    expect(chatComponentText("A Minecraft Server")).toBe("A Minecraft Server");
  });

  it("joins text and nested extra in order", () => {
    const component = { text: "Hello ", color: "gold", extra: [{ text: "big", bold: true, extra: [" ", { text: "world" }] }, "!"] };
    expect(chatComponentText(component)).toBe("Hello big world!");
  });

  it("accepts an array at the top, and ignores what is not text", () => {
    expect(chatComponentText(["a", { text: "b" }, null, { translate: "x" }, 3])).toBe("ab3");
    expect(chatComponentText(null)).toBe("");
    expect(chatComponentText({ extra: "not an array" })).toBe("");
  });

  it("stops at absurd nesting instead of recursing without end", () => {
    let component: unknown = { text: "deep" };
    for (let i = 0; i < 10_000; i++) component = { text: "", extra: [component] };
    expect(chatComponentText(component)).toBe("");
  });
});

describe("formatting codes", () => {
  it("strips § codes, hex colour sequences and a dangling §", () => {
    expect(stripFormattingCodes("§aGreen §lbold§r plain")).toBe("Green bold plain");
    expect(stripFormattingCodes("§x§f§f§0§0§0§0red§")).toBe("red");
  });

  it("minecraftText strips then sanitises", () => {
    expect(minecraftText("§6Gold\r\n§7\x1b[2Jline", 100)).toBe("Gold\n\\x1B[2Jline");
  });
});
