// One or two sentences beside a verdict, tailored to the verdict and the port: what it means, what to do.
// Pure and small: the result rows in the browser use it.
import type { Reason, ResultState } from "../probes/verdict-states";
import { notesFor } from "./notes";

export const TROJAN_CAVEAT = "A port number alone proves nothing: a trojan can pick any port, and a harmless program can use this one.";

export interface AdviceContext {
  reason?: Reason | null;
  protocol?: "tcp" | "udp";
}

export function verdictAdvice(state: ResultState, port: number, context: AdviceContext = {}): string {
  const notes = notesFor(port);
  const trojan = notes.find((note) => note.kind === "trojan");
  const exposure = notes.find((note) => note.kind === "exposure");
  const ispBlock = notes.find((note) => note.kind === "isp-block");
  const commonUse = notes.find((note) => note.kind === "common-use");
  const udp = context.protocol === "udp";
  const findListener = udp
    ? `Find the program that listens (Windows: netstat -ano -p udp; Linux: ss -lunp; macOS: lsof -nP -iUDP:${port})`
    : `Find the program that listens (Windows: netstat -ano; Linux: ss -ltnp; macOS: lsof -nP -iTCP:${port} -sTCP:LISTEN)`;
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
      return udp
        ? "A program answered on this UDP port, so it is reachable from the internet. If that is not intended, stop the program or block the port in your firewall."
        : "A program accepted the connection, so this port is reachable from the internet. If that is not intended, stop the program or block the port in your firewall.";
    case "closed":
      return udp
        ? "The host answered that nothing listens on this UDP port (ICMP port unreachable). If a service should be here, check that it is running and listens on all interfaces (0.0.0.0 or ::)."
        : "The host answered, but nothing listens on this port. If a service should be here, check that it is running and listens on all interfaces (0.0.0.0 or ::), not only on 127.0.0.1.";
    case "filtered": {
      if (context.reason && context.reason !== "no-response" && context.reason !== "timeout") {
        const who = context.reason === "perm-denied" ? "Portcheck's own network" : "A router or firewall on the way";
        return `${who} rejected the connection (${context.reason}). If this is your host, look for a firewall rule that rejects this port; if a router says the host is unreachable, check that the address is right and the host is online.`;
      }
      const base = "No answer came back: a firewall, your router or your provider drops the connection. To open it, allow the port in the host's firewall and forward it on your router to the right computer.";
      return ispBlock ? `${base} ${ispBlock.text}` : `${base} Providers often block ports such as 25 and 445.`;
    }
    case "open|filtered":
      return "Nothing came back, and for UDP that is not a verdict: the service may be running and simply not answer an unknown request (WireGuard never does), or a firewall may drop it. If you run the service, check it from a real client; the only certain answers are a reply (open) and ICMP port unreachable (closed).";
    case "error":
      if (context.reason === "no-route") return "This Portcheck server has no route to this address family (often: no IPv6 here), so it cannot say anything about this port. The other address family's result still counts.";
      return "The probe could not run from here, so this says nothing about the port. Try again in a moment.";
    case "pending":
      return "";
  }
}
