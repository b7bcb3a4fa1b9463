// Starts probes a few at a time, one batch per turn of the event loop. A handshake is timed from its
// connect(2) to its callback; when a thousand probes start in one tick, every one of them also waits for
// the other connect calls and callbacks before its own callback runs, and reports that queue as latency.
// Small batches keep the queue in front of each callback short; nmap paces its probes for the same reason.

/** Probes started per turn of the event loop. */
export const STARTS_PER_TURN = 8;

const waiting: (() => void)[] = [];
let scheduled = false;

function drain(): void {
  for (const start of waiting.splice(0, STARTS_PER_TURN)) start();
  if (waiting.length) setImmediate(drain);
  else scheduled = false;
}

/** Resolves when this probe may start. */
export function startTurn(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (!scheduled) {
      scheduled = true;
      setImmediate(drain);
    }
  });
}
