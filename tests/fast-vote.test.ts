// The fast vote path (lib/monitors/fast-vote.ts) must decide exactly as the locked path does. Two twin
// monitors get the same generated sequence of votes (regions, verdicts, failures, maintenance, certificates):
// one through recordMonitorVote (fast where it can, locked where it must), the other through the locked
// path only. Their outcomes, states, regions, results, incidents and alerts must come out the same. Then
// concurrent votes from two regions, which race the optimistic write, must lose nothing.
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { newId } from "../lib/ids";
import { recordVoteFast } from "../lib/monitors/fast-vote";
import { recordMonitorVote, recordVoteLocked } from "../lib/monitors/record-vote";
import type { MonitorVerdict } from "../lib/queue/probe-queues";
import { webContext } from "../lib/web-context";

const { db } = webContext();
afterAll(async () => {
  await webContext().redis.quit();
  await db.$disconnect();
});

const PLAN = { host: "127.0.0.2", port: 22, timeoutMs: 1000, protocol: "tcp", family: "both", tls: "auto", sendText: null, expectReply: null } as const;
const T0 = Date.UTC(2026, 11, 7, 12, 0);

type Kind = "open" | "closed" | "slow" | "dns" | "cert";
interface Vote {
  region: "local" | "eu";
  kind: Kind;
}

function message(monitorId: string, vote: Vote, minute: number): MonitorVerdict {
  const scheduledAt = T0 + minute * 60_000;
  const base = { kind: "monitor-result", monitorId, region: vote.region, scheduledAt, checkedAt: scheduledAt + 150, plan: PLAN } as const;
  if (vote.kind === "dns") return { ...base, verdicts: [], failure: "DNS_FAILED" };
  const open = vote.kind !== "closed";
  const tls =
    vote.kind === "cert"
      ? { subject: "CN=example", issuer: "CN=ca", validFrom: "2026-01-01T00:00:00.000Z", validTo: "2026-12-10T00:00:00.000Z", daysLeft: 3, fingerprint: "AA:BB", protocol: "TLSv1.3", authorized: true, authorizationError: null, names: ["example"] }
      : null;
  return {
    ...base,
    failure: null,
    verdicts: [
      {
        family: 4,
        address: "127.0.0.2",
        verdict: {
          state: open ? "open" : "closed",
          reason: open ? "syn-ack" : "conn-refused",
          latencyMs: vote.kind === "slow" ? 250 : 1.5,
          errorCode: open ? null : "ECONNREFUSED",
          ...(tls ? { tls: tls as never } : {}),
        },
      },
    ],
  };
}

const configArb = fc.record({
  confirmations: fc.integer({ min: 1, max: 3 }),
  expect: fc.constantFrom("open" as const, "closed" as const),
  degradedLatencyMs: fc.constantFrom(null, 100),
  regions: fc.constantFrom<string[]>(["local"], ["local", "eu"]),
  alertRepeatMinutes: fc.constantFrom(0, 2),
  certExpiryDays: fc.constantFrom(null, 7),
  /** A maintenance window from minute `from` for `length` minutes (one-off or weekly, on the monitor or on a status page showing it), or none. */
  maintenance: fc.option(
    fc.record({ from: fc.integer({ min: 0, max: 8 }), length: fc.integer({ min: 1, max: 6 }), kind: fc.constantFrom("once" as const, "weekly" as const), via: fc.constantFrom("monitor" as const, "page" as const) }),
    { nil: null },
  ),
});
const votesArb = fc.array(fc.record({ region: fc.constantFrom("local" as const, "eu" as const), kind: fc.constantFrom<Kind>("open", "open", "closed", "slow", "dns", "cert") }), { minLength: 1, maxLength: 14 });

const userId = newId();
await db.user.create({ data: { id: userId, name: "fast vote", email: `fast-vote-${userId}@example.test`, emailVerified: true } });

type Config = typeof configArb extends fc.Arbitrary<infer C> ? C : never;

async function twin(config: Config & { quorum?: number }): Promise<string> {
  const id = newId();
  const { maintenance, ...settings } = config;
  await db.monitor.create({ data: { id, userId, name: "twin", ...PLAN, intervalSeconds: 60, ...settings } });
  if (maintenance) {
    const { from, length, kind, via } = maintenance;
    const schedule =
      kind === "once"
        ? { kind, startsAt: new Date(T0 + from * 60_000), endsAt: new Date(T0 + (from + length) * 60_000) }
        : { kind, days: [0, 1, 2, 3, 4, 5, 6], startTime: `12:0${from}`, durationMinutes: length };
    const page = via === "page" ? await db.statusPage.create({ data: { id: newId(), userId, slug: `twin-${id.toLowerCase()}`, title: "twin", monitors: { create: { monitorId: id, position: 0 } } } }) : null;
    await db.maintenanceWindow.create({
      data: {
        id: newId(),
        userId,
        title: "twin window",
        timeZone: "UTC",
        ...schedule,
        ...(page ? { statusPages: { create: { statusPageId: page.id } } } : { monitors: { create: { monitorId: id } } }),
      },
    });
  }
  return id;
}

/** What a monitor's votes left behind, without ids. */
async function footprint(id: string) {
  const monitor = await db.monitor.findUniqueOrThrow({
    where: { id },
    select: { state: true, stateChangedAt: true, streakState: true, streakCount: true, lastCheckedAt: true, certAlertedFingerprint: true },
  });
  const regions = await db.monitorRegion.findMany({ where: { monitorId: id }, orderBy: { region: "asc" }, omit: { monitorId: true } });
  const results = await db.monitorResult.findMany({ where: { monitorId: id }, orderBy: [{ scheduledAt: "asc" }, { region: "asc" }], omit: { id: true, monitorId: true } });
  const incidents = await db.incident.findMany({ where: { monitorId: id }, orderBy: { startedAt: "asc" }, select: { state: true, startedAt: true, endedAt: true, cause: true, lastAlertAt: true, regions: true } });
  const deliveries = await db.alertDelivery.findMany({ where: { monitorId: id }, orderBy: [{ createdAt: "asc" }, { event: "asc" }], select: { event: true, channel: true, target: true } });
  return { monitor, regions, results, incidents, deliveries };
}

describe("the fast vote path", () => {
  it("decides every generated sequence of votes as the locked path does", async () => {
    let fastTaken = 0;
    let votesSeen = 0;
    await fc.assert(
      fc.asyncProperty(configArb, votesArb, async (config, votes) => {
        const viaBoth = await twin(config);
        const viaLock = await twin(config);
        for (const [minute, vote] of votes.entries()) {
          const live = new Set(config.regions);
          const a = await recordMonitorVote(db, message(viaBoth, vote, minute), live);
          const b = await recordVoteLocked(db, message(viaLock, vote, minute), live);
          expect({ kind: a.kind, deliveries: a.kind === "recorded" ? a.deliveryIds.length : 0 }).toEqual({ kind: b.kind, deliveries: b.kind === "recorded" ? b.deliveryIds.length : 0 });
        }
        expect(await footprint(viaBoth)).toEqual(await footprint(viaLock));
        // How often the fast path took the vote, for the assertion below (counted on a third twin).
        const probe = await twin(config);
        for (const [minute, vote] of votes.entries()) {
          votesSeen++;
          const fast = await recordVoteFast(db, message(probe, vote, minute), new Set(config.regions));
          if (fast) fastTaken++;
          else await recordVoteLocked(db, message(probe, vote, minute), new Set(config.regions));
        }
      }),
      { numRuns: 40, seed: 20261207 },
    );
    // Most votes in these sequences change nothing but a streak: the fast path must be taking them.
    expect(fastTaken / votesSeen).toBeGreaterThan(0.3);
  }, 120_000);

  it("writes nothing for a slot already recorded, or for a monitor that is gone, paused or changed", async () => {
    const id = await twin({ confirmations: 3, expect: "open", degradedLatencyMs: null, regions: ["local"], alertRepeatMinutes: 0, certExpiryDays: null, maintenance: null });
    const vote = message(id, { region: "local", kind: "open" }, 0);
    expect(await recordVoteFast(db, vote, new Set(["local"]))).toEqual({ kind: "recorded", deliveryIds: [] });
    expect(await recordVoteFast(db, vote, new Set(["local"]))).toBeNull();
    expect(await recordMonitorVote(db, vote, new Set(["local"]))).toEqual({ kind: "duplicate" });
    expect(await db.monitorResult.count({ where: { monitorId: id } })).toBe(1);
    expect((await db.monitor.findUniqueOrThrow({ where: { id } })).streakCount).toBe(1);

    await db.monitor.update({ where: { id }, data: { port: 23 } });
    expect(await recordVoteFast(db, message(id, { region: "local", kind: "open" }, 1), new Set(["local"]))).toBeNull();
    expect((await recordMonitorVote(db, message(id, { region: "local", kind: "open" }, 1), new Set(["local"]))).kind).toBe("stale");
    await db.monitor.update({ where: { id }, data: { port: 22, paused: true } });
    expect(await recordVoteFast(db, message(id, { region: "local", kind: "open" }, 2), new Set(["local"]))).toBeNull();
    expect(await recordVoteFast(db, message("no-such-monitor", { region: "local", kind: "open" }, 2), new Set(["local"]))).toBeNull();
    expect(await db.monitorResult.count({ where: { monitorId: id } })).toBe(1);
  });

  it("loses no vote when two regions vote at once, slot after slot", async () => {
    // Quorum 2: neither region's vote alone changes the state, so both go the fast way and race.
    const id = await twin({ confirmations: 2, expect: "open", degradedLatencyMs: null, regions: ["local", "eu"], quorum: 2, alertRepeatMinutes: 0, certExpiryDays: null, maintenance: null });
    const live = new Set(["local", "eu"]);
    const slots = 12;
    for (let minute = 0; minute < slots; minute++) {
      const outcomes = await Promise.all(
        (["local", "eu"] as const).flatMap((region) => [
          recordMonitorVote(db, message(id, { region, kind: "open" }, minute), live),
          // The same vote delivered twice: written once.
          recordMonitorVote(db, message(id, { region, kind: "open" }, minute), live),
        ]),
      );
      expect(outcomes.filter((outcome) => outcome.kind === "recorded")).toHaveLength(2);
      // Each region decided seeing the other's state as it was before: whichever wrote second must have
      // noticed, so once both regions stand at "up", the monitor is up at once, not a slot later.
      const states = await db.monitorRegion.findMany({ where: { monitorId: id }, select: { state: true } });
      if (states.length === 2 && states.every((item) => item.state === "up")) expect((await db.monitor.findUniqueOrThrow({ where: { id } })).state).toBe("up");
    }
    expect(await db.monitorResult.count({ where: { monitorId: id } })).toBe(2 * slots);
    const regions = await db.monitorRegion.findMany({ where: { monitorId: id } });
    expect(regions.map((region) => [region.region, region.state, region.streakCount]).sort()).toEqual([
      ["eu", "up", slots],
      ["local", "up", slots],
    ]);
    const monitor = await db.monitor.findUniqueOrThrow({ where: { id } });
    expect(monitor.state).toBe("up");
    expect(await db.incident.count({ where: { monitorId: id } })).toBe(1);
  }, 60_000);
});
