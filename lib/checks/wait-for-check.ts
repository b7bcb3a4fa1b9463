// Waiting for a check without polling the database: listen to its events first, then read it, then
// read again only when the worker says something changed, until it is finished or the wait is over.
import type { Db } from "../db";
import type { CheckEvents } from "./check-events";
import type { CheckView } from "./check-view";
import { getCheck } from "./get-check";

export function isFinished(check: CheckView): boolean {
  return check.status === "done" || check.status === "failed";
}

/** The check once finished, or as it is after `waitMs`; null when there is no such check. */
export async function waitForCheck(deps: { db: Db; checkEvents: CheckEvents }, id: string, waitMs: number, signal?: AbortSignal): Promise<CheckView | null> {
  const first = await getCheck(deps.db, id);
  if (!first || isFinished(first) || waitMs <= 0) return first;
  let wake: () => void = () => {};
  let changed = false;
  const stop = await deps.checkEvents.listen(id, (event) => {
    if (event === "done") {
      changed = true;
      wake();
    }
  });
  const deadline = Date.now() + waitMs;
  try {
    // Read once more now that we listen: the check may have ended between the first read and listening.
    let check = await getCheck(deps.db, id);
    while (check && !isFinished(check) && Date.now() < deadline && !signal?.aborted) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, deadline - Date.now());
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
        if (changed) wake();
        signal?.addEventListener("abort", () => wake(), { once: true });
      });
      if (!changed) break;
      changed = false;
      check = await getCheck(deps.db, id);
    }
    return check;
  } finally {
    stop();
  }
}
