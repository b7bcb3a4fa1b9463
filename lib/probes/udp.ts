// UDP probe, honest about what UDP can tell: open when a reply came, closed on ICMP port unreachable,
// filtered on other ICMP unreachables, open|filtered when nothing came back (which proves nothing).
// Each well-known service gets a small request it answers (lib/probes/protocols/udp-payloads.ts);
// other ports get an empty datagram. Nothing sent can amplify.
import { createSocket, type Socket } from "node:dgram";
import { unknownBanner } from "./protocols/banner";
import { udpPayloadFor } from "./protocols/udp-payloads";
import { udpErrorVerdict } from "./socket-errors";
import { startTurn } from "./start-gate";
import type { Probe, Verdict } from "./types";

/** Replies are read up to this size; nothing we send asks for more. */
const MAX_REPLY_BYTES = 4096;

export const udpProbe: Probe = async (target, options) => {
  await startTurn(options.urgent);
  return sendAndListen(target, options);
};

const sendAndListen: Probe = (target, { timeoutMs, signal, verifyToken }) =>
  new Promise<Verdict>((resolve) => {
    const payload = udpPayloadFor(target.port);
    const socket: Socket = createSocket({ type: target.family === 6 ? "udp6" : "udp4", recvBufferSize: 64 * 1024 });
    const started = performance.now();
    let settled = false;
    let followUps = 0;
    const finish = (verdict: Verdict) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      signal?.removeEventListener("abort", onAbort);
      try {
        socket.close();
      } catch {
        // already closed
      }
      resolve(verdict);
    };
    const deadline = setTimeout(() => finish({ state: "open|filtered", reason: "no-response", latencyMs: null, errorCode: null }), timeoutMs);
    const onAbort = () => finish({ state: "error", reason: "aborted", latencyMs: null, errorCode: "ABORTED" });
    signal?.addEventListener("abort", onAbort, { once: true });
    const latency = () => Math.round((performance.now() - started) * 1000) / 1000;

    socket.on("error", (error: NodeJS.ErrnoException) => {
      const code = error.code ?? "UNKNOWN";
      const mapped = udpErrorVerdict(code);
      finish({ ...mapped, latencyMs: mapped.state === "error" ? null : latency(), errorCode: mapped.state === "closed" ? null : code });
    });
    socket.on("message", (message) => {
      const reply = message.subarray(0, MAX_REPLY_BYTES);
      // A challenge (Source engine servers) is answered once with the same request carrying it.
      const again = payload.followUp?.(reply);
      if (again && followUps++ === 0) {
        socket.send(again);
        return;
      }
      const verdict: Verdict = { state: "open", reason: "udp-response", latencyMs: latency(), errorCode: null, banner: payload.parse(reply) ?? unknownBanner(reply) };
      if (verifyToken) verdict.verified = reply.toString("latin1").includes(verifyToken);
      finish(verdict);
    });
    if (signal?.aborted) return onAbort();
    // A connected socket receives the ICMP errors about its destination (ECONNREFUSED for port unreachable).
    socket.connect(target.port, target.address, () => {
      if (!settled) socket.send(payload.build());
    });
  });
