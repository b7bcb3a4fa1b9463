// Writes a check's verdicts in batches: one INSERT for many rows, a few milliseconds after the first of
// them, instead of one statement per port. Rows are inserted once (first write wins), so a re-run or a
// re-delivered job can never change or double a verdict.
import type { Db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import type { EngineResult } from "../probes/engine";

/** A verdict waits at most this long for others to share its INSERT. */
export const FLUSH_AFTER_MS = 15;
const MAX_ROWS = 500;

export interface ResultWriter {
  add(result: EngineResult): void;
  /** Writes what is left; rejects if any write failed (the job is then retried). */
  close(): Promise<void>;
}

export function createResultWriter(
  db: Db,
  checkId: string,
  context: { region: string; probe: "tcp" | "udp"; withOwnership: boolean; onWritten?: () => void },
): ResultWriter {
  let rows: Prisma.CheckResultCreateManyInput[] = [];
  let timer: NodeJS.Timeout | undefined;
  let chain: Promise<void> = Promise.resolve();
  let failure: unknown;

  const flush = () => {
    clearTimeout(timer);
    timer = undefined;
    if (rows.length === 0) return;
    const batch = rows;
    rows = [];
    chain = chain.then(async () => {
      if (failure) return;
      try {
        await db.checkResult.createMany({ data: batch, skipDuplicates: true });
        context.onWritten?.();
      } catch (error) {
        failure = error;
      }
    });
  };

  return {
    add({ port, address, family, verdict }) {
      rows.push({
        checkId,
        region: context.region,
        probe: context.probe,
        port,
        family,
        address,
        state: verdict.state === "open|filtered" ? "open_filtered" : verdict.state,
        reason: verdict.reason,
        latencyMs: verdict.latencyMs,
        errorCode: verdict.errorCode,
        tls: (verdict.tls ?? undefined) as object | undefined,
        banner: (verdict.banner ?? undefined) as object | undefined,
        verified: context.withOwnership ? (verdict.verified ?? false) : null,
        checkedAt: new Date(),
      });
      if (rows.length >= MAX_ROWS) flush();
      else timer ??= setTimeout(flush, FLUSH_AFTER_MS);
    },
    async close() {
      flush();
      await chain;
      if (failure) throw failure;
    },
  };
}
