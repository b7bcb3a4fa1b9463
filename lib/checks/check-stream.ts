// The Server-Sent Events stream of one check: a `result` event for each verdict as it lands (the ones
// already there first), a `done` event with the whole check at the end, heartbeats meanwhile. Woken by
// the worker's notifications; bounded in time, and closed when the client goes away.
import type { Db } from "../db";
import type { CheckEvents } from "./check-events";
import type { CheckResultView, CheckView } from "./check-view";
import { getCheck } from "./get-check";
import { isFinished } from "./wait-for-check";

const HEARTBEAT_MS = 15_000;
/** A client that wants more reconnects (EventSource does so by itself). */
const MAX_STREAM_MS = 10 * 60_000;

function frame(event: string, data: unknown): string {
  return `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
}

export function checkStream(deps: { db: Db; checkEvents: CheckEvents }, first: CheckView, signal: AbortSignal): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const sent = new Set<string>();
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      let closed = false;
      const send = (text: string) => {
        if (!closed) controller.enqueue(encoder.encode(text));
      };
      const emitResults = (check: CheckView) => {
        for (const result of check.results.filter((item: CheckResultView) => item.state !== "pending")) {
          const key = `${result.port}:${result.family}`;
          if (sent.has(key)) continue;
          sent.add(key);
          send(frame("result", result));
        }
      };
      const close = () => {
        if (closed) return;
        closed = true;
        cleanup();
        controller.close();
      };
      const finish = (check: CheckView) => {
        emitResults(check);
        send(frame("done", check));
        close();
      };
      send("retry: 2000\n\n");
      let busy = Promise.resolve();
      const refresh = () => {
        busy = busy.then(async () => {
          if (closed) return;
          const check = await getCheck(deps.db, first.id).catch(() => null);
          if (!check) return;
          if (isFinished(check)) finish(check);
          else emitResults(check);
        });
      };
      let stop = () => {};
      try {
        stop = await deps.checkEvents.listen(first.id, refresh);
      } catch {
        // Without notifications the stream cannot follow the check: say so, and let the client poll.
        send(frame("error", { detail: "Live updates are not available right now; poll GET /api/v1/checks/{id} instead." }));
        close();
        return;
      }
      const heartbeat = setInterval(() => send(": ping\n\n"), HEARTBEAT_MS);
      const limit = setTimeout(close, MAX_STREAM_MS);
      const onAbort = () => close();
      signal.addEventListener("abort", onAbort, { once: true });
      cleanup = () => {
        stop();
        clearInterval(heartbeat);
        clearTimeout(limit);
        signal.removeEventListener("abort", onAbort);
      };
      // What happened before we listened.
      refresh();
    },
    cancel() {
      cleanup();
    },
  });
}
