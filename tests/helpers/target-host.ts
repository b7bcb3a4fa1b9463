// A fake remote host for probe tests: real TCP and UDP servers (open, reset, SSH, SMTP, TLS, games...) on given addresses.
// Importable (startTargetHost) and runnable on its own, e.g. inside a network namespace:
//   node --import tsx tests/helpers/target-host.ts '{"host":["10.77.3.2","fd77::3:2"],"servers":[{"kind":"ssh","port":22}]}'
// prints {"ready":true,"ports":{...}} once everything listens, then one JSON line per event; exits when stdin closes or on SIGTERM.
import { realpathSync } from "node:fs";
import { isIP } from "node:net";
import path from "node:path";
import { createSecureContext, type SecureContext } from "node:tls";
import { fileURLToPath } from "node:url";
import { type CertificateKind, certificateFor, createTestCertificates, loadTestCertificates, type TestCertificates } from "./certs";
import { acceptClose, acceptReset, banner, open, silentAfterAccept, ssh } from "./target-servers/basic";
import { mysql, postgres, redis } from "./target-servers/databases";
import { ftp, xmpp } from "./target-servers/ftp-xmpp";
import { type Bound, bindUdp, fullBacklog, listenTcp, withAddressRetry } from "./target-servers/listen";
import { imap, pop3, smtp } from "./target-servers/mail";
import { minecraft } from "./target-servers/minecraft";
import type { ServerContext, ServerSpec, TargetEvent, TargetHostSpec, TcpKind, TcpServer, UdpKind, UdpServer } from "./target-servers/types";
import { a2s, bedrock } from "./target-servers/udp-games";
import { dns, ntp, stun } from "./target-servers/udp-internet";
import { echo, quic, silent } from "./target-servers/udp-other";
import { http, tls } from "./target-servers/web";

export type { ServerKind, ServerSpec, TargetEvent, TargetHostSpec } from "./target-servers/types";

export const DEFAULT_TARGET_HOST = "127.0.0.2";

const TCP_SERVERS: Record<Exclude<TcpKind, "full-backlog">, TcpServer> = {
  open,
  "accept-reset": acceptReset,
  "accept-close": acceptClose,
  "silent-after-accept": silentAfterAccept,
  ssh,
  smtp,
  ftp,
  pop3,
  imap,
  xmpp,
  tls,
  http,
  mysql,
  redis,
  postgres,
  minecraft,
  banner,
};

const UDP_SERVERS: Record<UdpKind, UdpServer> = {
  "udp-dns": dns,
  "udp-ntp": ntp,
  "udp-stun": stun,
  "udp-bedrock": bedrock,
  "udp-quic": quic,
  "udp-a2s": a2s,
  "udp-echo": echo,
  "udp-silent": silent,
};

const NEEDS_CERTIFICATES = new Set(["tls", "smtp", "ftp", "pop3", "imap", "xmpp"]);
const CERTIFICATE_KINDS: CertificateKind[] = ["good", "self-signed", "expired", "mismatched"];

export interface TargetHost {
  hosts: string[];
  /** Server name (spec `name`, else `kind`) → port, the same on every host. */
  ports: Record<string, number>;
  /** Every event so far, oldest first. */
  events: TargetEvent[];
  /** The certificates the TLS servers present; null when no server needs them. */
  certificates: TestCertificates | null;
  /** Calls `listener` for each new event; returns the unsubscribe function. */
  onEvent(listener: (event: TargetEvent) => void): () => void;
  /** The first event, past or future, that matches. */
  waitForEvent(predicate: (event: TargetEvent) => boolean, timeoutMs?: number): Promise<TargetEvent>;
  close(): Promise<void>;
}

function validate(spec: TargetHostSpec): { hosts: string[]; servers: (ServerSpec & { name: string; port: number })[] } {
  const hosts = spec.host === undefined ? [DEFAULT_TARGET_HOST] : Array.isArray(spec.host) ? spec.host : [spec.host];
  if (!hosts.length) throw new Error("target host: no host to bind");
  for (const host of hosts) if (!isIP(host)) throw new Error(`target host: not an IP literal: ${host}`);
  const names = new Set<string>();
  const servers = spec.servers.map((server) => {
    const name = server.name ?? server.kind;
    if (!(server.kind in TCP_SERVERS) && !(server.kind in UDP_SERVERS) && server.kind !== "full-backlog") throw new Error(`target host: unknown kind ${server.kind}`);
    if (names.has(name)) throw new Error(`target host: two servers named ${name}; give them distinct names`);
    names.add(name);
    const port = server.port ?? 0;
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`target host: bad port for ${name}: ${port}`);
    if (server.cert !== undefined && !CERTIFICATE_KINDS.includes(server.cert)) throw new Error(`target host: unknown cert ${server.cert}`);
    if (server.kind === "banner" && typeof server.text !== "string") throw new Error(`target host: banner ${name} needs a text`);
    return { ...server, name, port };
  });
  return { hosts, servers };
}

/** Start every server in `spec` on every host; resolves once all listen. */
export async function startTargetHost(spec: TargetHostSpec): Promise<TargetHost> {
  const { hosts, servers } = validate(spec);
  const events: TargetEvent[] = [];
  const listeners = new Set<(event: TargetEvent) => void>();
  const closers: (() => Promise<void> | void)[] = [];
  const ports: Record<string, number> = {};

  let certificates: TestCertificates | null = null;
  if (spec.certDir) certificates = loadTestCertificates(spec.certDir);
  else if (servers.some((server) => NEEDS_CERTIFICATES.has(server.kind))) {
    certificates = createTestCertificates(undefined, { dnsNames: spec.dnsNames, ips: hosts.map((host) => host.replace(/%.*$/, "")) });
    const generated = certificates;
    closers.push(() => generated.cleanup());
  }
  const contexts = new Map<CertificateKind, SecureContext>();
  const secureContextFor = (kind: CertificateKind) => {
    if (!certificates) throw new Error("target host: no certificates");
    const files = certificateFor(certificates, kind);
    if (!contexts.has(kind)) contexts.set(kind, createSecureContext({ key: files.key, cert: files.cert }));
    return contexts.get(kind)!;
  };

  const close = async () => {
    while (closers.length) await closers.pop()!();
    listeners.clear();
  };

  try {
    for (const server of servers) {
      const context: ServerContext & { port: number } = {
        spec: server,
        name: server.name,
        port: server.port,
        secureContext: () => secureContextFor(server.cert ?? "good"),
        emit: (details, via) => {
          const { event: kind, ...rest } = details;
          const event = { event: kind, server: server.name, port: context.port, localAddress: via.localAddress ?? "", remoteAddress: via.remoteAddress ?? "", remotePort: via.remotePort ?? 0, ...rest } as TargetEvent;
          events.push(event);
          for (const listener of listeners) listener(event);
        },
        onClose: (cleanup) => closers.push(cleanup),
      };
      let bindOne: (host: string, port: number) => Promise<Bound>;
      if (server.kind === "full-backlog") bindOne = fullBacklog;
      else if (server.kind in UDP_SERVERS) {
        const handle = UDP_SERVERS[server.kind as UdpKind](context);
        bindOne = (host, port) =>
          bindUdp(host, port, (message, remote, socket) => {
            const via = { localAddress: socket.address().address, remoteAddress: remote.address, remotePort: remote.port };
            context.emit({ event: "datagram", size: message.length }, via);
            const reply = handle(message, remote);
            if (reply) socket.send(reply, remote.port, remote.address);
          });
      } else {
        const handle = TCP_SERVERS[server.kind as keyof typeof TCP_SERVERS](context);
        bindOne = (host, port) =>
          listenTcp(host, port, (socket) => {
            context.emit({ event: "connection" }, socket);
            handle(socket);
          });
      }
      // Same port on every host; when the port was free on the first host only, start over with another.
      for (let attempt = 0; ; attempt++) {
        const bound: Bound[] = [];
        try {
          for (const host of hosts) bound.push(await withAddressRetry(() => bindOne(host, bound[0]?.port ?? server.port)));
          context.port = bound[0]!.port;
          ports[server.name] = context.port;
          closers.push(...bound.map((one) => one.close));
          break;
        } catch (error) {
          await Promise.all(bound.map((one) => one.close()));
          if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE" || server.port !== 0 || bound.length === 0 || attempt >= 10) throw error;
        }
      }
    }
  } catch (error) {
    await close();
    throw error;
  }

  return {
    hosts,
    ports,
    events,
    certificates,
    onEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    waitForEvent: (predicate, timeoutMs = 5000) => {
      const past = events.find(predicate);
      if (past) return Promise.resolve(past);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(listener);
          reject(new Error(`target host: no matching event within ${timeoutMs} ms`));
        }, timeoutMs);
        const listener = (event: TargetEvent) => {
          if (!predicate(event)) return;
          clearTimeout(timer);
          listeners.delete(listener);
          resolve(event);
        };
        listeners.add(listener);
      });
    },
    close,
  };
}

async function main(argument: string | undefined): Promise<void> {
  const print = (line: unknown) => process.stdout.write(`${JSON.stringify(line)}\n`);
  let host: TargetHost | undefined;
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void (host?.close() ?? Promise.resolve()).finally(() => process.exit(0));
  };
  // Before "ready": the parent may signal the moment it reads that line. A stop during startup just exits (blackhole.py follows when its stdin closes).
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  process.stdin.on("end", stop);
  process.stdin.on("close", stop);
  process.stdin.resume();
  try {
    if (!argument) throw new Error("usage: node --import tsx tests/helpers/target-host.ts '<json spec>'");
    host = await startTargetHost(JSON.parse(argument) as TargetHostSpec);
  } catch (error) {
    print({ ready: false, error: (error as Error).message });
    process.exit(1);
  }
  const { certificates } = host;
  print({ ready: true, hosts: host.hosts, ports: host.ports, ...(certificates ? { caFile: certificates.caFile, certDir: certificates.dir } : {}) });
  for (const event of host.events) print(event);
  host.onEvent(print);
}

function invokedDirectly(): boolean {
  try {
    return !!process.argv[1] && realpathSync(path.resolve(process.argv[1])) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (invokedDirectly()) void main(process.argv[2]);
