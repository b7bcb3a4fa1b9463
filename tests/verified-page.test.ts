// /verified, where confirmation links land: on to a same-site page with a notice, never elsewhere.
import { describe, expect, it } from "vitest";
import Page from "../app/(auth)/verified/page";

async function landing(search: Record<string, string>): Promise<string> {
  try {
    await Page({ searchParams: Promise.resolve(search) });
  } catch (error) {
    const digest = (error as { digest?: string }).digest ?? "";
    if (digest.startsWith("NEXT_REDIRECT")) return digest.split(";")[2]!;
    throw error;
  }
  return "rendered";
}

describe("/verified", () => {
  it("goes on to the page that asked, saying the address is confirmed", async () => {
    expect(await landing({})).toBe("/dashboard?notice=email-verified");
    expect(await landing({ next: "/monitors/new?host=a" })).toBe("/monitors/new?host=a&notice=email-verified");
    expect(await landing({ next: "/settings", notice: "email-changed" })).toBe("/settings?notice=email-changed");
  });

  it("never to another site", async () => {
    for (const next of ["//evil.example", "https://evil.example", "/\\evil.example"]) expect(await landing({ next })).toBe("/dashboard?notice=email-verified");
  });

  it("says what went wrong with a bad or expired link instead of going on", async () => {
    expect(await landing({ error: "INVALID_TOKEN" })).toBe("rendered");
    expect(await landing({ error: "TOKEN_EXPIRED", next: "/settings" })).toBe("rendered");
  });
});
