// A real HTTP server on 127.0.0.2 that records every webhook it receives, raw body included.
import { once } from "node:events";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";

export interface ReceivedHook {
  headers: IncomingHttpHeaders;
  body: string;
  /** The request's path and query, as sent. */
  path: string;
}

export async function startWebhookReceiver(host = "127.0.0.2"): Promise<{ url: string; hooks: ReceivedHook[]; close(): Promise<void> }> {
  const hooks: ReceivedHook[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      hooks.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8"), path: request.url ?? "" });
      response.writeHead(204).end();
    });
  });
  server.listen(0, host);
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return { url: `http://${host}:${port}/hooks/portcheck`, hooks, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
