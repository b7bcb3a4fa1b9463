// Ownership tokens in Redis: claimed once, only by the visitor they were issued to; a claim can be given
// back (the check that claimed it could not be stored or queued), for the time it had left, and never over
// a token that exists again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimToken, issueToken, releaseToken, TOKEN_TTL_SECONDS } from "../lib/ownership/tokens";
import { readyRedis } from "../lib/redis";
import { webContext } from "../lib/web-context";

const { redis, db } = webContext();
beforeAll(() => readyRedis(redis));
afterAll(async () => {
  await redis.quit();
  await db.$disconnect();
});

describe("ownership tokens", () => {
  it("are claimed once, by their visitor only, and can be given back for the time they had left", async () => {
    const { token } = await issueToken(redis, "198.18.0.1");
    expect(await claimToken(redis, token, "198.18.0.2")).toEqual({ outcome: "not-yours" });
    const claim = await claimToken(redis, token, "198.18.0.1");
    expect(claim.outcome).toBe("claimed");
    const leftMs = claim.outcome === "claimed" ? claim.leftMs : 0;
    expect(leftMs).toBeGreaterThan(0);
    expect(leftMs).toBeLessThanOrEqual(TOKEN_TTL_SECONDS * 1000);
    expect(await claimToken(redis, token, "198.18.0.1")).toEqual({ outcome: "unknown" });

    await releaseToken(redis, token, "198.18.0.1", 1500);
    const again = await claimToken(redis, token, "198.18.0.1");
    expect(again.outcome).toBe("claimed");
    expect(again.outcome === "claimed" && again.leftMs <= 1500).toBe(true);
  });

  it("given back, never replace a token that exists again", async () => {
    const { token } = await issueToken(redis, "198.18.0.3");
    await releaseToken(redis, token, "198.18.0.4", 60_000);
    expect(await claimToken(redis, token, "198.18.0.4")).toEqual({ outcome: "not-yours" });
    expect((await claimToken(redis, token, "198.18.0.3")).outcome).toBe("claimed");
  });
});
