// A check's run still unfinished long after any check could take (its jobs gave up while PostgreSQL was
// away for longer than their retries, say) ends as failed, so no check stays "running" forever.
// Called by the central worker's maintenance every five minutes.
import type { Db } from "../db";
import { failRun, finishChecksWithEndedRuns } from "./record-check";

/** Longer than any check can run: 1,000 ports, paced second asks and every retry included. */
export const STALE_RUN_MS = 30 * 60_000;

export const STALE_RUN_MESSAGE = "The check could not be completed. Please try again.";

/**
 * Fails the runs left unfinished for longer than STALE_RUN_MS (in the last week), and ends the checks whose
 * runs all ended without them. Returns the checks that ended.
 */
export async function failStaleRuns(db: Db, now: Date = new Date()): Promise<string[]> {
  const runs = await db.checkRun.findMany({
    where: { status: { in: ["queued", "running"] }, createdAt: { lt: new Date(now.getTime() - STALE_RUN_MS), gte: new Date(now.getTime() - 7 * 24 * 3600_000) } },
    select: { checkId: true, region: true },
    take: 1000,
  });
  const ended = await finishChecksWithEndedRuns(db, now);
  for (const run of runs) if (await failRun(db, run.checkId, run.region, "internal_error", STALE_RUN_MESSAGE)) ended.push(run.checkId);
  return ended;
}
