// Plumbing shared by the TCP servers: TLS on an accepted socket (recording SNI), and text sessions that can switch to TLS mid-stream (STARTTLS).
import type { Socket } from "node:net";
import { TLSSocket } from "node:tls";
import type { ServerContext, Via } from "./types";

// A client that sends more than this without a line break is not speaking the protocol.
const MAX_BUFFER = 64 * 1024;

export function viaOf(socket: Socket): Via {
  return { localAddress: socket.localAddress, remoteAddress: socket.remoteAddress, remotePort: socket.remotePort };
}

/** Wrap an accepted socket in server-side TLS and report one `tls` event for it. */
export function acceptTls(socket: Socket, context: ServerContext, starttls?: string): TLSSocket {
  // Read now: a failed handshake is reported on close, when the socket no longer knows its addresses.
  const via = viaOf(socket);
  let servername: string | null = null;
  let reported = false;
  const report = (handshake: boolean, error?: string) => {
    if (reported) return;
    reported = true;
    context.emit({ event: "tls", servername, handshake, ...(starttls ? { starttls } : {}), ...(error ? { error } : {}) }, via);
  };
  const tlsSocket = new TLSSocket(socket, {
    isServer: true,
    secureContext: context.secureContext(),
    // Called at ClientHello, so the name is known even when the handshake later fails.
    SNICallback: (name, callback) => {
      servername = name;
      callback(null, context.secureContext());
    },
  });
  tlsSocket.on("secure", () => report(true));
  // A port scan that connects and hangs up is not a TLS attempt; one that sent a ClientHello (known by its SNI) or got an alert is.
  tlsSocket.on("error", (error: NodeJS.ErrnoException) => {
    if (servername !== null || !error.code?.startsWith("ECONN")) report(false, error.message);
  });
  tlsSocket.on("close", () => {
    if (servername !== null) report(false);
  });
  return tlsSocket;
}

export interface TextSession {
  /** Write to the client, over TLS once started. */
  write(text: string): void;
  /** Say goodbye and close (FIN). */
  end(text?: string): void;
  /** Switch to TLS after the go-ahead has been written; the rest of the current read is dropped (no command injection). */
  startTls(): void;
  readonly secure: boolean;
}

/**
 * A text protocol session: `onText` gets each chunk (utf8) until startTls(), then the decrypted chunks.
 * The peer's FIN is answered with FIN, as real daemons do.
 */
export function textSession(socket: Socket, context: ServerContext, protocol: string, onText: (text: string, session: TextSession) => void): TextSession {
  let current: Socket = socket;
  let upgrading = false;
  const session: TextSession = {
    write: (text) => {
      if (!current.destroyed) current.write(text);
    },
    end: (text) => {
      if (current.destroyed) return;
      if (text === undefined) current.end();
      else current.end(text);
    },
    startTls: () => {
      upgrading = true;
    },
    get secure() {
      return current !== socket;
    },
  };
  const onData = (chunk: Buffer) => {
    onText(chunk.toString("utf8"), session);
    if (!upgrading) return;
    upgrading = false;
    current.off("data", onData);
    current.off("end", onEnd);
    current = acceptTls(socket, context, protocol);
    listen();
  };
  const onEnd = () => current.end();
  const listen = () => {
    current.on("data", onData);
    current.on("end", onEnd);
    current.on("error", () => {});
  };
  listen();
  return session;
}

/** A textSession that hands `onLine` one line at a time, without its CR LF. */
export function lineSession(socket: Socket, context: ServerContext, protocol: string, onLine: (line: string, session: TextSession) => void): TextSession {
  let buffer = "";
  let upgrading = false;
  return textSession(socket, context, protocol, (text, session) => {
    const lines: TextSession = {
      write: session.write,
      end: session.end,
      startTls: () => {
        upgrading = true;
        session.startTls();
      },
      get secure() {
        return session.secure;
      },
    };
    buffer += text;
    let newline: number;
    while (!upgrading && (newline = buffer.indexOf("\n")) >= 0) {
      const line = buffer.slice(0, newline).replace(/\r$/, "");
      buffer = buffer.slice(newline + 1);
      onLine(line, lines);
    }
    // Plaintext sent after STARTTLS must not be obeyed once encrypted.
    if (upgrading) {
      upgrading = false;
      buffer = "";
    }
    if (buffer.length > MAX_BUFFER) session.end();
  });
}
