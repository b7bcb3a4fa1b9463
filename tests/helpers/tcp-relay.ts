// A TCP relay in the test process: listens on an address a network namespace can reach (its veth's host
// end) and forwards to a loopback service. A regional worker inside a namespace reaches the central Redis
// this way, as a region elsewhere reaches it over the network.
import net from "node:net";
import { once } from "node:events";

export interface Relay {
  port: number;
  close(): Promise<void>;
}

export async function startRelay(listenHost: string, target: { host: string; port: number }): Promise<Relay> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(target);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on("error", () => {
        client.destroy();
        upstream.destroy();
      });
      socket.on("close", () => sockets.delete(socket));
    }
    client.pipe(upstream).pipe(client);
  });
  server.listen(0, listenHost);
  await once(server, "listening");
  return {
    port: (server.address() as net.AddressInfo).port,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
