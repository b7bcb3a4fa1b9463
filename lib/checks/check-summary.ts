// A check in one line, for link previews and titles: "1 of 2 ports open on example.com". Pure.
import type { CheckView } from "./check-view";

export function checkSummary(check: Pick<CheckView, "status" | "host" | "ports" | "results">): string {
  if (check.status === "failed") return `The check of ${check.host} could not be completed`;
  if (check.status !== "done") return `Checking ${check.ports.length} port${check.ports.length === 1 ? "" : "s"} on ${check.host}…`;
  const open = new Set(check.results.filter((result) => result.state === "open").map((result) => result.port)).size;
  return `${open} of ${check.ports.length} port${check.ports.length === 1 ? "" : "s"} open on ${check.host}`;
}
