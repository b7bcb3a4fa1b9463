// The name and the one-line meaning of each verdict. Advice tailored to the port is in lib/ports/advice.ts.
import type { ResultState } from "./get-check";

export interface VerdictText {
  label: string;
  meaning: string;
}

const TEXT: Record<ResultState, VerdictText> = {
  pending: { label: "Checking…", meaning: "Waiting for an answer." },
  open: { label: "Open", meaning: "A program accepted the connection: the port is reachable from the internet." },
  closed: { label: "Closed", meaning: "The host answered, but nothing listens on the port." },
  filtered: { label: "Filtered", meaning: "No answer: a firewall, router or provider drops the connection." },
  unreachable: { label: "Unreachable", meaning: "A router reported the host or network unreachable, or access prohibited." },
  error: { label: "Error", meaning: "The connection failed in an unexpected way." },
};

export function verdictText(state: ResultState): VerdictText {
  return TEXT[state];
}
