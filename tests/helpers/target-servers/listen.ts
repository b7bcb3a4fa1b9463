// Binding one server on one address: TCP and UDP sockets, and the python helper for a full accept queue.
import { type ChildProcess, spawn } from "node:child_process";
import { createSocket, type RemoteInfo, type Socket as UdpSocket } from "node:dgram";
import { once } from "node:events";
import { type AddressInfo, createServer, isIPv6, type Server, type Socket } from "node:net";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

export interface Bound {
  port: number;
  close(): Promise<void>;
}

// A freshly added IPv6 address stays "tentative" (unbindable) until duplicate address detection ends.
export async function withAddressRetry<T>(bind: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await bind();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EADDRNOTAVAIL" || attempt >= 30) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

export async function listenTcp(host: string, port: number, onConnection: (socket: Socket) => void): Promise<Bound> {
  const sockets = new Set<Socket>();
  // Half-open allowed: each behaviour decides what the peer's FIN means (silent-after-accept never closes).
  const server: Server = createServer({ allowHalfOpen: true }, (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => {});
    onConnection(socket);
  });
  server.listen({ host, port, ipv6Only: isIPv6(host) });
  await Promise.race([once(server, "listening"), once(server, "error").then(([error]) => Promise.reject(error as Error))]);
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export async function bindUdp(host: string, port: number, onMessage: (message: Buffer, remote: RemoteInfo, socket: UdpSocket) => void): Promise<Bound> {
  const socket = createSocket({ type: isIPv6(host) ? "udp6" : "udp4", ipv6Only: isIPv6(host) });
  socket.on("message", (message, remote) => onMessage(message, remote, socket));
  const bound = Promise.race([once(socket, "listening"), once(socket, "error").then(([error]) => Promise.reject(error as Error))]);
  socket.bind(port, host);
  await bound;
  socket.on("error", () => {});
  return { port: socket.address().port, close: () => new Promise<void>((resolve) => socket.close(() => resolve())) };
}

/** Node always accepts, so a full accept queue needs another runtime: tests/helpers/blackhole.py. */
export async function fullBacklog(host: string, port: number): Promise<Bound> {
  const script = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "blackhole.py");
  const child: ChildProcess = spawn("python3", [script, host, String(port)], { stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout! });
  const exited = once(child, "exit").then(() => {
    const code = /OSError: \[Errno \d+\] (.*)/.exec(stderr)?.[1] ?? stderr.trim();
    const error = new Error(`blackhole.py on ${host}:${port}: ${code}`) as NodeJS.ErrnoException;
    if (/Address already in use/.test(stderr)) error.code = "EADDRINUSE";
    if (/Cannot assign requested address/.test(stderr)) error.code = "EADDRNOTAVAIL";
    throw error;
  });
  const [line] = (await Promise.race([once(lines, "line"), exited])) as [string];
  exited.catch(() => {});
  return {
    port: Number(line),
    close: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = once(child, "exit");
      child.stdin!.end();
      child.kill();
      await gone;
    },
  };
}
