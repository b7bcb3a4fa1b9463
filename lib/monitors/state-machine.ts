// A monitor's state changes only after `confirmations` consecutive observations agree,
// so one lost packet raises no alarm. Pure: the worker applies it inside a row lock.
import type { VerdictState } from "../probes/types";

export type Expectation = "open" | "closed";
export type Observation = "up" | "down";
export type MonitorState = "pending" | "up" | "down" | "paused";

export interface StreakState {
  state: MonitorState;
  /** The observation the current streak agrees on, and how long the streak is. */
  streakState: Observation | null;
  streakCount: number;
}

export interface Transition extends StreakState {
  /** Set when the state changed to up or down with this observation. */
  changedTo: Observation | null;
}

/**
 * What a verdict means for a monitor. `open`: the service must be reachable. `closed`: the port must
 * not be reachable, so refused, filtered, unreachable and failed connections are all fine.
 * A check that could not run at all (the name does not resolve, or the target is now forbidden) is down
 * whatever the expectation: nobody can vouch for the port.
 */
export function observe(expect: Expectation, verdict: VerdictState, errorCode: string | null = null): Observation {
  if (errorCode === "TARGET_FORBIDDEN" || errorCode === "DNS_FAILED") return "down";
  if (expect === "open") return verdict === "open" ? "up" : "down";
  return verdict === "open" ? "down" : "up";
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
