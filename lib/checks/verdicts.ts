// What each verdict means and what to do about it, in plain words. Pure: used by pages and the API.
import type { ResultState } from "./get-check";

export interface VerdictText {
  label: string;
  meaning: string;
  advice: string;
}

const TEXT: Record<ResultState, VerdictText> = {
  pending: { label: "Checking…", meaning: "Waiting for an answer.", advice: "" },
  open: {
    label: "Open",
    meaning: "A program accepted the connection: this port is reachable from the internet.",
    advice: "If you did not mean to expose this service, stop it or block the port in your firewall.",
  },
  closed: {
    label: "Closed",
    meaning: "The host answered, but nothing is listening on this port.",
    advice: "If a service should be here, check that it is running and listens on all interfaces (0.0.0.0), not only on localhost.",
  },
  filtered: {
    label: "Filtered",
    meaning: "No answer at all: a firewall, router or your provider silently drops the connection.",
    advice: "To open it, allow the port in the host's firewall and forward it on your router. Some providers block ports such as 25 and 445.",
  },
  unreachable: {
    label: "Unreachable",
    meaning: "A router reported that the host or its network cannot be reached, or that access is prohibited.",
    advice: "Check that the address is right and that the host is online; a firewall may be rejecting traffic to it.",
  },
  error: {
    label: "Error",
    meaning: "The connection failed in an unexpected way.",
    advice: "Try again in a moment; if it persists, the host may be resetting connections.",
  },
};

export function verdictText(state: ResultState): VerdictText {
  return TEXT[state];
}
