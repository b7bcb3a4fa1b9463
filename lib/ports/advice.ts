// One or two sentences beside a verdict, tailored to the verdict and the port: what it means, what to do.
// Pure and small: the result rows in the browser use it.
import type { ResultState } from "../checks/get-check";
import { notesFor } from "./notes";

export const TROJAN_CAVEAT = "A port number alone proves nothing: a trojan can pick any port, and a harmless program can use this one.";

export function verdictAdvice(state: ResultState, port: number): string {
  const notes = notesFor(port);
  const trojan = notes.find((note) => note.kind === "trojan");
  const exposure = notes.find((note) => note.kind === "exposure");
  const ispBlock = notes.find((note) => note.kind === "isp-block");
  const commonUse = notes.find((note) => note.kind === "common-use");
  const findListener = `Find the program that listens (Windows: netstat -ano; Linux: ss -ltnp; macOS: lsof -nP -iTCP:${port} -sTCP:LISTEN)`;
  switch (state) {
    case "open":
      if (exposure) {
        return `${exposure.title} is reachable from the whole internet. ${exposure.text} To restrict it, allow only trusted addresses in the firewall or reach it through a VPN or SSH tunnel.`;
      }
      if (trojan) {
        return `Port ${port} is known from ${trojan.title}. ${TROJAN_CAVEAT} ${findListener} and make sure you know it.`;
      }
      if (commonUse) {
        return `This is the usual port of ${commonUse.title}: if you run one, it is reachable from the internet. If you do not, ${findListener.charAt(0).toLowerCase()}${findListener.slice(1)}.`;
      }
      return "A program accepted the connection, so this port is reachable from the internet. If that is not intended, stop the program or block the port in your firewall.";
    case "closed":
      return "The host answered, but nothing listens on this port. If a service should be here, check that it is running and listens on all interfaces (0.0.0.0 or ::), not only on 127.0.0.1.";
    case "filtered": {
      const base = "No answer came back: a firewall, your router or your provider drops the connection. To open it, allow the port in the host's firewall and forward it on your router to the right computer.";
      return ispBlock ? `${base} ${ispBlock.text}` : `${base} Providers often block ports such as 25 and 445.`;
    }
    case "unreachable":
      return "A router reported that the host or its network cannot be reached, or that access is prohibited. Check the address and that the host is online.";
    case "error":
      return "The connection failed in an unexpected way. Try again in a moment; if it persists, the host may be resetting connections.";
    case "pending":
      return "";
  }
}
