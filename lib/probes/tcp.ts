// TCP connect probe: open (handshake completed), closed (RST), filtered (silence until the deadline),
// unreachable (ICMP unreachable or prohibited), error (anything else, with its code).
import { Socket } from "node:net";
import type { Probe, Verdict } from "./types";

const UNREACHABLE = new Set(["EHOSTUNREACH", "ENETUNREACH", "EHOSTDOWN", "ENETDOWN", "EACCES", "EPERM", "EADDRNOTAVAIL"]);

/** After an open verdict, how long the polite close (FIN, drain, wait for the peer's FIN) may take. */
export const CLOSE_GRACE_MS = 2000;

export const tcpProbe: Probe = (target, { timeoutMs, signal }) =>
  new Promise<Verdict>((resolve) => {
    const socket = new Socket();
    const started = performance.now();
    let settled = false;

    const finish = (verdict: Verdict) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      signal?.removeEventListener("abort", onAbort);
      resolve(verdict);
    };
    const elapsed = () => Math.round((performance.now() - started) * 1000) / 1000;

    // A hard deadline from the start of connect(), not an idle timeout.
    const deadline = setTimeout(() => {
      socket.destroy();
      finish({ state: "filtered", latencyMs: null, errorCode: null });
    }, timeoutMs);
    const onAbort = () => {
      socket.destroy();
      finish({ state: "error", latencyMs: null, errorCode: "ABORTED" });
    };
    signal?.addEventListener("abort", onAbort, { once: true });

    socket.once("connect", () => {
      const latencyMs = elapsed();
      finish({ state: "open", latencyMs, errorCode: null });
      closePolitely(socket);
    });
    socket.once("error", (error: NodeJS.ErrnoException) => {
      socket.destroy();
      const code = error.code ?? "UNKNOWN";
      if (code === "ECONNREFUSED") finish({ state: "closed", latencyMs: elapsed(), errorCode: null });
      else if (code === "ETIMEDOUT") finish({ state: "filtered", latencyMs: null, errorCode: null });
      else if (UNREACHABLE.has(code)) finish({ state: "unreachable", latencyMs: null, errorCode: code });
      else finish({ state: "error", latencyMs: null, errorCode: code });
    });

    if (signal?.aborted) return onAbort();
    socket.connect({ host: target.address, port: target.port, family: target.family, noDelay: true });
  });

/**
 * Sends FIN and reads until the peer closes, so the kernel never answers with RST
 * (closing with unread data would reset, and servers such as MySQL block hosts that reset on them).
 */
function closePolitely(socket: Socket): void {
  const guard = setTimeout(() => socket.destroy(), CLOSE_GRACE_MS);
  guard.unref();
  socket.on("error", () => socket.destroy());
  socket.once("close", () => clearTimeout(guard));
  socket.resume();
  socket.end();
}
