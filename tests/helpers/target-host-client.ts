// The client side shared by the tests/target-host-*.test.ts files: a conversation buffer, raw TCP/UDP/TLS
// exchanges, and one target host per test file. The files split one suite, so they must talk to the
// servers exactly the same way.
import { createSocket } from "node:dgram";
import { once } from "node:events";
import { connect as connectTcp, isIPv6, type Socket } from "node:net";
import { connect as connectTls, type ConnectionOptions, type TLSSocket } from "node:tls";
import { afterAll, beforeAll } from "vitest";
import { startTargetHost, type TargetHost, type TargetHostSpec } from "./target-host";

export const HOST = "127.0.0.2";
export const NAME = "tls.portcheck-test.net";
export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// Live bindings, so test bodies read `target`, `ca` and `port()` as plain names. Each test file gets its
// own instance of this module, hence its own host.
export let target: TargetHost;
/** The test CA, when the file's spec has servers that present certificates. */
export let ca: string | undefined;
export const port = (name: string) => target.ports[name]!;

/** Starts the file's target host before its tests and stops it after them. */
export function useTargetHost(spec: TargetHostSpec): void {
  beforeAll(async () => {
    target = await startTargetHost(spec);
    ca = target.certificates?.ca.cert;
  });
  afterAll(() => target?.close());
}

/** A client side of a conversation: buffers what arrives and waits for patterns. */
export class Peer {
  text = "";
  bytes = Buffer.alloc(0);
  ended = false;
  error: NodeJS.ErrnoException | null = null;
  private wake = () => {};

  constructor(public socket: Socket) {
    this.listen(socket);
  }

  static async connect(portNumber: number, host = HOST): Promise<Peer> {
    const socket = connectTcp({ host, port: portNumber });
    const peer = new Peer(socket);
    await once(socket, "connect");
    return peer;
  }

  private listen(socket: Socket) {
    socket.on("data", (chunk: Buffer) => {
      this.bytes = Buffer.concat([this.bytes, chunk]);
      this.text += chunk.toString("utf8");
      this.wake();
    });
    socket.on("end", () => ((this.ended = true), this.wake()));
    socket.on("error", (error) => ((this.error = error), this.wake()));
    socket.on("close", () => this.wake());
  }

  send(data: string | Buffer): void {
    this.socket.write(data);
  }

  /** Waits until `test` holds, or fails after `ms`. */
  async until(test: () => boolean, ms = 3000, what = "condition"): Promise<void> {
    const deadline = Date.now() + ms;
    while (!test()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; got ${JSON.stringify(this.text)}`);
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        setTimeout(resolve, 50);
      });
    }
  }

  /** Waits for `pattern` in the unread text and returns the text up to it, consuming it. */
  async expect(pattern: RegExp): Promise<string> {
    await this.until(() => pattern.test(this.text), 3000, String(pattern));
    const match = pattern.exec(this.text)!;
    const upTo = this.text.slice(0, match.index + match[0].length);
    this.text = this.text.slice(upTo.length);
    return upTo;
  }

  /** Switches this conversation to TLS over the same socket (after a STARTTLS go-ahead). */
  async startTls(options: ConnectionOptions = {}): Promise<TLSSocket> {
    this.socket.removeAllListeners("data");
    this.text = "";
    const secure = connectTls({ socket: this.socket, servername: NAME, ca, ...options });
    await once(secure, "secureConnect");
    this.socket = secure;
    this.listen(secure);
    return secure;
  }

  close(): void {
    this.socket.destroy();
  }
}

/** "connected", an error code, or "pending" if the handshake has not finished within `ms`. */
export async function connectOutcome(portNumber: number, host: string, ms: number): Promise<string | undefined> {
  const socket = connectTcp({ host, port: portNumber });
  const outcome = await Promise.race([
    once(socket, "connect").then(() => "connected"),
    once(socket, "error").then(([error]) => (error as NodeJS.ErrnoException).code),
    sleep(ms).then(() => "pending"),
  ]);
  socket.destroy();
  return outcome;
}

export async function exchange(portNumber: number, message: Buffer, host = HOST, ms = 1000): Promise<Buffer | null> {
  const socket = createSocket(isIPv6(host) ? "udp6" : "udp4");
  try {
    await new Promise<void>((resolve) => socket.bind(0, isIPv6(host) ? "::1" : "127.0.0.1", resolve));
    const reply = new Promise<Buffer | null>((resolve) => {
      socket.once("message", resolve);
      setTimeout(() => resolve(null), ms);
    });
    socket.send(message, portNumber, host);
    return await reply;
  } finally {
    socket.close();
  }
}

export async function tlsConnect(portNumber: number, options: ConnectionOptions): Promise<TLSSocket> {
  const socket = connectTls({ host: HOST, port: portNumber, ...options });
  await Promise.race([once(socket, "secureConnect"), once(socket, "error").then(([error]) => Promise.reject(error as Error))]);
  return socket;
}

export async function tlsError(portNumber: number, options: ConnectionOptions): Promise<string | undefined> {
  try {
    (await tlsConnect(portNumber, options)).destroy();
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code;
  }
}
