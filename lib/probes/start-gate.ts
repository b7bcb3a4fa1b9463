// Starts probes a few at a time, one batch per turn of the event loop. A handshake is timed from its
// connect(2) to its callback; when a thousand probes start in one tick, every one of them also waits for
// the other connect calls and callbacks before its own callback runs, and reports that queue as latency.
// Small batches keep the queue in front of each callback short; nmap paces its probes for the same reason.

/** Probes started per turn of the event loop. */
export const STARTS_PER_TURN = 8;

// Probes of small jobs (a one-port check, a monitor run) go first: they must not wait behind the
// thousand starts of someone's large check.
const urgent: (() => void)[] = [];
const waiting: (() => void)[] = [];
let scheduled = false;

function drain(): void {
  const first = urgent.splice(0, STARTS_PER_TURN);
  for (const start of [...first, ...waiting.splice(0, STARTS_PER_TURN - first.length)]) start();
  if (urgent.length || waiting.length) setImmediate(drain);
  else scheduled = false;
}

/** Resolves when this probe may start. */
export function startTurn(isUrgent = false): Promise<void> {
  return new Promise((resolve) => {
    (isUrgent ? urgent : waiting).push(resolve);
    if (!scheduled) {
      scheduled = true;
      setImmediate(drain);
    }
  });
}
