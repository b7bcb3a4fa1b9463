// Can this vantage point reach an address family at all? A connected UDP socket asks the kernel for a
// route without sending a packet, so a worker without IPv6 says "no route from here" instead of
// blaming the port.
import { createSocket } from "node:dgram";
import type { ResolvedAddress } from "../targets/resolve-target";

const NO_ROUTE = new Set(["ENETUNREACH", "EHOSTUNREACH", "EADDRNOTAVAIL", "EAFNOSUPPORT", "EINVAL"]);

export function hasRoute({ address, family }: ResolvedAddress): Promise<boolean> {
  return new Promise((resolve) => {
    let socket: ReturnType<typeof createSocket>;
    try {
      socket = createSocket(family === 6 ? "udp6" : "udp4");
    } catch {
      return resolve(false);
    }
    const done = (routable: boolean) => {
      try {
        socket.close();
      } catch {
        // already closed
      }
      resolve(routable);
    };
    socket.once("error", (error: NodeJS.ErrnoException) => done(!NO_ROUTE.has(error.code ?? "")));
    try {
      socket.connect(9, address, () => done(true));
    } catch {
      done(false);
    }
  });
}
