// Real sockets on loopback that stand in for remote hosts: open, closed and filtered ports on 127.0.0.2.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { type AddressInfo, createServer, type Server, type Socket } from "node:net";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

export const TEST_HOST = "127.0.0.2";

export interface OpenPort {
  port: number;
  server: Server;
  /** Every connection the listener accepted, in order. */
  connections: Socket[];
  close(): Promise<void>;
}

/** A listener that accepts connections (an open port). */
export async function openPort(host = TEST_HOST, port = 0): Promise<OpenPort> {
  const connections: Socket[] = [];
  const server = createServer((socket) => {
    connections.push(socket);
    socket.on("error", () => {});
    socket.on("end", () => socket.end());
  });
  server.listen(port, host);
  await once(server, "listening");
  return {
    port: (server.address() as AddressInfo).port,
    server,
    connections,
    close: async () => {
      for (const socket of connections) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A port nobody listens on (a closed port): bind port 0, read the number, close it. */
export async function closedPort(host = TEST_HOST): Promise<number> {
  const listener = await openPort(host);
  await listener.close();
  return listener.port;
}

export interface FilteredPort {
  port: number;
  close(): void;
}

/** A port whose SYNs are dropped (a filtered port), by tests/helpers/blackhole.py. */
export async function filteredPort(host = TEST_HOST): Promise<FilteredPort> {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), "blackhole.py");
  const child = spawn("python3", [script, host], { stdio: ["pipe", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout! });
  const [line] = (await once(lines, "line")) as [string];
  return {
    port: Number(line),
    close: () => {
      child.stdin!.end();
      child.kill();
    },
  };
}

/**
 * An open port that greets like an SSH server and hangs up: judged open at once, where a silent listener
 * keeps the probe's conversation waiting for a greeting (lib/probes/conversation.ts).
 */
export async function greetingPort(host = TEST_HOST): Promise<OpenPort> {
  const listener = await openPort(host);
  listener.server.removeAllListeners("connection");
  listener.server.on("connection", (socket: Socket) => {
    listener.connections.push(socket);
    socket.on("error", () => {});
    socket.end("SSH-2.0-OpenSSH_9.6\r\n");
  });
  return listener;
}
