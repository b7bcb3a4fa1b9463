// Ending a connection the way a polite client does: FIN, then read until the peer closes.
import type { Socket } from "node:net";

/** After an open verdict, how long the polite close (FIN, drain, wait for the peer's FIN) may take. */
export const CLOSE_GRACE_MS = 2000;

/**
 * Sends FIN and reads until the peer closes, so the kernel never answers with RST
 * (closing with unread data would reset, and servers such as MySQL block hosts that reset on them).
 */
export function closePolitely(socket: Socket): void {
  const guard = setTimeout(() => socket.destroy(), CLOSE_GRACE_MS);
  guard.unref();
  socket.on("error", () => socket.destroy());
  socket.once("close", () => clearTimeout(guard));
  socket.removeAllListeners("data");
  socket.resume();
  socket.end();
}
