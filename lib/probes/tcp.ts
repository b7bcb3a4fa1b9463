// TCP connect probe: open once the handshake completed (whatever happens after), closed on a refusal,
// filtered on silence or an ICMP unreachable, each with the reason. After an open verdict it may talk
// to the port (TLS, banner, ownership token, send/expect) within its own bound, then closes with FIN.
import { Socket } from "node:net";
import { closePolitely } from "./close-politely";
import { startTurn } from "./start-gate";
import { converse, wantsConversation } from "./conversation";
import { tcpErrorVerdict } from "./socket-errors";
import type { Probe, ProbeOptions, ProbeTarget, Verdict } from "./types";

export const tcpProbe: Probe = async (target, options) => {
  await startTurn(options.urgent);
  const { verdict, socket } = await connect(target, options);
  if (!socket) return verdict;
  if (!wantsConversation(target, options)) {
    closePolitely(socket);
    return verdict;
  }
  // Talk once this turn of the event loop is over, so that other handshakes completing in it are
  // timed before any conversation work delays them.
  await new Promise((resolve) => setImmediate(resolve));
  const facts = await converse(socket, target, options);
  return { ...verdict, ...facts };
};

/** The handshake alone: a verdict, and the connected socket when the port is open and still connected. */
export function connect(target: ProbeTarget, { timeoutMs, signal }: ProbeOptions): Promise<{ verdict: Verdict; socket: Socket | null }> {
  return new Promise((resolve) => {
    const socket = new Socket();
    // The clock starts when Node really calls connect(2), a tick after socket.connect(): in a batch of
    // probes, the time to set up the others must not count as this handshake's.
    let started = performance.now();
    socket.once("connectionAttempt", () => (started = performance.now()));
    let settled = false;
    const elapsed = () => Math.round((performance.now() - started) * 1000) / 1000;
    const finish = (verdict: Verdict, keep = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      signal?.removeEventListener("abort", onAbort);
      socket.removeListener("error", onError);
      if (!keep) socket.destroy();
      resolve({ verdict, socket: keep ? socket : null });
    };
    // A hard deadline from the start of connect(), not an idle timeout.
    const deadline = setTimeout(() => finish({ state: "filtered", reason: "no-response", latencyMs: null, errorCode: null }), timeoutMs);
    const onAbort = () => finish({ state: "error", reason: "aborted", latencyMs: null, errorCode: "ABORTED" });
    const onError = (error: NodeJS.ErrnoException) => {
      const code = error.code ?? "UNKNOWN";
      const mapped = tcpErrorVerdict(code);
      // A refusal or an ICMP error is an answer with a round-trip time; a local failure is not.
      const answered = mapped.state !== "error" && mapped.reason !== "timeout" && mapped.reason !== "perm-denied";
      finish({ ...mapped, latencyMs: answered ? elapsed() : null, errorCode: mapped.state === "open" || mapped.state === "closed" ? null : code });
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    socket.once("connect", () => {
      const latencyMs = elapsed();
      // Errors after the handshake belong to the conversation, not to the verdict.
      socket.on("error", () => {});
      finish({ state: "open", reason: "syn-ack", latencyMs, errorCode: null }, true);
    });
    socket.once("error", onError);
    if (signal?.aborted) return onAbort();
    socket.connect({ host: target.address, port: target.port, family: target.family, noDelay: true });
  });
}
