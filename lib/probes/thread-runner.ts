// Runs probes on the probe thread (probe-thread.ts) and hands back their verdicts: the worker's runner.
// A crashed thread is replaced; the probes it was running end as errors rather than hang.
import { Worker } from "node:worker_threads";
import type { ProbeRunner } from "./types";
import type { ThreadReply, ThreadRequest } from "./probe-thread";
import type { Verdict } from "./types";

export interface ThreadRunner {
  run: ProbeRunner;
  close(): Promise<void>;
}

export function createThreadRunner(): ThreadRunner {
  // From TypeScript sources (tsx, vitest) the thread boots through a loader; compiled, it starts directly.
  const url = new URL(import.meta.url.endsWith(".ts") ? "./probe-thread-boot.mjs" : "./probe-thread.js", import.meta.url);
  const pending = new Map<number, (verdict: Verdict) => void>();
  let nextId = 1;
  let closing = false;
  let thread = start();

  function start(): Worker {
    const worker = new Worker(url);
    const startedAt = Date.now();
    worker.unref();
    worker.on("message", (reply: ThreadReply) => {
      const resolve = pending.get(reply.id);
      pending.delete(reply.id);
      resolve?.(reply.verdict);
    });
    worker.on("error", (error) => console.error(JSON.stringify({ level: "error", msg: "probe thread failed", err: String(error) })));
    worker.on("exit", () => {
      for (const [id, resolve] of pending) {
        pending.delete(id);
        resolve({ state: "error", reason: "local-error", latencyMs: null, errorCode: "PROBE_THREAD_EXITED" });
      }
      // A thread that cannot even start is not restarted in a tight loop.
      if (!closing) setTimeout(() => (thread = start()), Date.now() - startedAt < 1000 ? 1000 : 0).unref();
    });
    return worker;
  }

  const run: ProbeRunner = (kind, target, { signal, ...options }) =>
    new Promise<Verdict>((resolve) => {
      const id = nextId++;
      if (signal?.aborted) return resolve({ state: "error", reason: "aborted", latencyMs: null, errorCode: "ABORTED" });
      const onAbort = () => thread.postMessage({ type: "abort", id } satisfies ThreadRequest);
      signal?.addEventListener("abort", onAbort, { once: true });
      pending.set(id, (verdict) => {
        signal?.removeEventListener("abort", onAbort);
        resolve(verdict);
      });
      thread.postMessage({ type: "run", id, kind, target, options } satisfies ThreadRequest);
    });

  return {
    run,
    close: async () => {
      closing = true;
      await thread.terminate();
    },
  };
}
