// Applying what a region found, whichever way it came: check results, a chunk's end, a monitor's vote.
import type { Db } from "../db";
import type { CheckEvent } from "../checks/check-events";
import { recordCheckResults, recordChunkDone } from "../checks/record-check";
import { recordMonitorVote } from "../monitors/record-vote";
import type { VerdictMessage } from "../queue/probe-queues";

export interface ApplyDeps {
  db: Db;
  /** Tells waiting clients that results were written or the check ended. */
  notify?: (checkId: string, event: CheckEvent) => void;
  /** Queues the alert deliveries a vote created. */
  enqueueAlerts: (deliveryIds: string[]) => Promise<void>;
  /** The regions with a live worker now. */
  liveRegions: () => Promise<ReadonlySet<string>>;
}

export async function applyVerdict(message: VerdictMessage, deps: ApplyDeps, via: { remote: boolean }): Promise<void> {
  switch (message.kind) {
    case "check-results":
      await recordCheckResults(deps.db, message, { onlyActive: via.remote });
      if (message.results.length) deps.notify?.(message.checkId, "results");
      return;
    case "check-chunk-done": {
      const ended = await recordChunkDone(deps.db, message);
      deps.notify?.(message.checkId, ended ? "done" : "results");
      return;
    }
    case "monitor-result": {
      const outcome = await recordMonitorVote(deps.db, message, await deps.liveRegions());
      if (outcome.kind === "recorded" && outcome.deliveryIds.length) await deps.enqueueAlerts(outcome.deliveryIds);
      return;
    }
  }
}
