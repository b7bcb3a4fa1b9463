// What a run means for a monitor, and when its state changes: only after `confirmations` consecutive
// observations agree, so one lost packet raises no alarm. Pure: the worker applies it inside a row lock.
import type { Verdict } from "../probes/types";

export type Expectation = "open" | "closed";
export type Observation = "up" | "degraded" | "down";
export type MonitorState = "pending" | "up" | "degraded" | "down" | "paused";

export interface StreakState {
  state: MonitorState;
  /** The observation the current streak agrees on, and how long the streak is. */
  streakState: Observation | null;
  streakCount: number;
}

export interface Transition extends StreakState {
  /** Set when the state changed with this observation. */
  changedTo: Observation | null;
}

export interface FamilyVerdict {
  family: 4 | 6;
  address: string;
  verdict: Verdict;
}

export interface RunJudgement {
  observation: Observation;
  /** The family verdict that decided (the worst one), or null when the run could not probe at all. */
  deciding: FamilyVerdict | null;
  /** In words for incidents: the verdict and its reason ("filtered: no-response", "slow: 812 ms"). */
  cause: string;
}

/**
 * `open`: the service must be reachable from every address family probed (and answer `expectReply`);
 * slower than `degradedLatencyMs` is degraded. `closed`: the port must not be reachable from any, so
 * refused, filtered, silent and failed connections are all fine. A family this vantage point cannot route
 * to does not count. A run that could not probe at all (the name does not resolve, the target is now
 * forbidden) is down whatever the expectation: nobody can vouch for the port.
 */
export function judgeRun(
  monitor: { expect: Expectation; degradedLatencyMs: number | null },
  verdicts: readonly FamilyVerdict[],
  failure: string | null,
): RunJudgement {
  if (failure) return { observation: "down", deciding: null, cause: failure };
  const counted = verdicts.filter((item) => item.verdict.reason !== "no-route");
  if (counted.length === 0) return { observation: "down", deciding: verdicts[0] ?? null, cause: "no-route" };
  const describe = (item: FamilyVerdict) => `${item.verdict.state}: ${item.verdict.reason}${verdicts.length > 1 ? ` (IPv${item.family})` : ""}`;
  if (monitor.expect === "closed") {
    const exposed = counted.find((item) => item.verdict.state === "open");
    return exposed ? { observation: "down", deciding: exposed, cause: describe(exposed) } : { observation: "up", deciding: counted[0]!, cause: describe(counted[0]!) };
  }
  const failed = counted.find((item) => item.verdict.state !== "open" || item.verdict.replyMatched === false);
  if (failed) {
    const cause = failed.verdict.state === "open" ? `open, but the reply did not contain the expected text${verdicts.length > 1 ? ` (IPv${failed.family})` : ""}` : describe(failed);
    return { observation: "down", deciding: failed, cause };
  }
  const slowest = counted.reduce((a, b) => ((b.verdict.latencyMs ?? 0) > (a.verdict.latencyMs ?? 0) ? b : a));
  const latency = slowest.verdict.latencyMs ?? 0;
  if (monitor.degradedLatencyMs !== null && latency > monitor.degradedLatencyMs) {
    return { observation: "degraded", deciding: slowest, cause: `slow: ${Math.round(latency)} ms (over ${monitor.degradedLatencyMs} ms)` };
  }
  return { observation: "up", deciding: slowest, cause: describe(slowest) };
}

export function transition(current: StreakState, observation: Observation, confirmations: number): Transition {
  const streakCount = current.streakState === observation ? current.streakCount + 1 : 1;
  const confirmed = streakCount >= Math.max(1, confirmations);
  const changes = confirmed && current.state !== observation && current.state !== "paused";
  return {
    state: changes ? observation : current.state,
    streakState: observation,
    streakCount,
    changedTo: changes ? observation : null,
  };
}

/**
 * The regions' vote: the monitor is down when at least `needed` voting regions see it down, degraded when
 * that many see trouble (down or degraded), up when that many see it up; otherwise nothing is agreed and
 * the state stays as it is. `needed` is the monitor's quorum, or a majority of the voting regions.
 */
export function tally(votes: readonly Observation[], quorum: number | null): Observation | null {
  if (votes.length === 0) return null;
  const needed = Math.max(1, quorum ?? Math.floor(votes.length / 2) + 1);
  const count = (...states: Observation[]) => votes.filter((vote) => states.includes(vote)).length;
  if (count("down") >= needed) return "down";
  if (count("down", "degraded") >= needed) return "degraded";
  if (count("up") >= needed) return "up";
  return null;
}
