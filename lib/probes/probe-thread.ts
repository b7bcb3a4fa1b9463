// The probe thread: runs probes on an event loop of their own, so the handshake time a probe reports is
// the network's, not the time the worker's main thread spent on the database and the queue.
import { parentPort } from "node:worker_threads";
import { probes } from "./registry";
import type { ProbeKind, ProbeOptions, ProbeTarget, Verdict } from "./types";

export type ThreadRequest =
  | { type: "run"; id: number; kind: ProbeKind; target: ProbeTarget; options: Omit<ProbeOptions, "signal"> }
  | { type: "abort"; id: number };

export type ThreadReply = { type: "done"; id: number; verdict: Verdict };

const running = new Map<number, AbortController>();

parentPort?.on("message", (message: ThreadRequest) => {
  if (message.type === "abort") {
    running.get(message.id)?.abort();
    return;
  }
  const controller = new AbortController();
  running.set(message.id, controller);
  const definition = probes[message.kind];
  definition
    .run(message.target, { ...message.options, signal: controller.signal })
    .catch((error: unknown): Verdict => ({ state: "error", reason: "local-error", latencyMs: null, errorCode: (error as NodeJS.ErrnoException).code ?? "PROBE_FAILED" }))
    .then((verdict) => {
      running.delete(message.id);
      parentPort!.postMessage({ type: "done", id: message.id, verdict } satisfies ThreadReply);
    });
});
