// The target host's spec and events, and what every fake server gets to work with.
import type { Socket } from "node:net";
import type { RemoteInfo } from "node:dgram";
import type { SecureContext } from "node:tls";
import type { CertificateKind } from "../certs";

export type TcpKind =
  | "open"
  | "accept-reset"
  | "accept-close"
  | "silent-after-accept"
  | "ssh"
  | "smtp"
  | "ftp"
  | "pop3"
  | "imap"
  | "xmpp"
  | "tls"
  | "http"
  | "mysql"
  | "redis"
  | "postgres"
  | "minecraft"
  | "banner"
  | "full-backlog";

export type UdpKind = "udp-dns" | "udp-ntp" | "udp-stun" | "udp-bedrock" | "udp-quic" | "udp-a2s" | "udp-echo" | "udp-silent";

export type ServerKind = TcpKind | UdpKind;

export interface ServerSpec {
  kind: ServerKind;
  /** Key in the reported `ports`; defaults to `kind`, so give a name when a kind appears twice. */
  name?: string;
  /** 0 or absent: any free port (the same one on every host). */
  port?: number;
  /** tls, and the TLS after STARTTLS (smtp, ftp, pop3, imap, xmpp). Default "good". */
  cert?: CertificateKind;
  /** smtp: advertise and accept STARTTLS. Default true. */
  starttls?: boolean;
  /** redis: answer every command with NOAUTH, as with requirepass set. */
  auth?: boolean;
  /** banner: the text sent on connect. */
  text?: string;
  /** minecraft: the Status Response JSON object. */
  status?: unknown;
  /** udp-bedrock: the pong's server id string. */
  motd?: string;
  /** udp-dns: the address of the A record in every answer. Default 10.77.0.1. */
  address?: string;
}

export interface TargetHostSpec {
  /** Address(es) every server binds to, IPv4 or IPv6 literals. Default "127.0.0.2". */
  host?: string | string[];
  servers: ServerSpec[];
  /** A directory written by createTestCertificates; without it a fresh set is made (for the hosts' IPs) and removed on close. */
  certDir?: string;
  /** DNS names of the generated good certificate. Default ["tls.portcheck-test.net"]. */
  dnsNames?: string[];
}

interface EventBase {
  server: string;
  port: number;
  /** The address the connection or datagram arrived on. */
  localAddress: string;
  remoteAddress: string;
  remotePort: number;
}

export type TargetEvent =
  | (EventBase & { event: "connection" })
  | (EventBase & { event: "datagram"; size: number })
  /** One per TLS connection, implicit or after STARTTLS (`starttls` names the protocol); servername null without SNI. */
  | (EventBase & { event: "tls"; servername: string | null; handshake: boolean; starttls?: string; error?: string })
  /** One per HTTP request (also over `tls`); `host` is the Host header. */
  | (EventBase & { event: "http"; method: string; path: string; host: string | null })
  /** The server address and port a Minecraft client put in its Handshake. */
  | (EventBase & { event: "minecraft"; host: string; serverPort: number; protocol: number; nextState: number })
  /** The `to` of the client's XMPP stream header. */
  | (EventBase & { event: "xmpp"; to: string | null });

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type EventDetails = DistributiveOmit<TargetEvent, keyof EventBase>;

/** Where a connection or datagram came from and arrived; read before TLS takes over a socket. */
export interface Via {
  localAddress?: string;
  remoteAddress?: string;
  remotePort?: number;
}

export interface ServerContext {
  spec: ServerSpec;
  name: string;
  /** The TLS credentials for this server's `cert`. */
  secureContext(): SecureContext;
  /** Record an event on this server; `via` is the connection's socket, or the addresses of a datagram. */
  emit(details: EventDetails, via: Via): void;
  /** Run when the target host stops (after its connections are destroyed). */
  onClose(cleanup: () => void): void;
}

/** Called once per server; the handler it returns gets every accepted connection. */
export type TcpServer = (context: ServerContext) => (socket: Socket) => void;

/** Called once per server; the handler it returns gets every datagram and returns the reply, or nothing to stay silent. */
export type UdpServer = (context: ServerContext) => (message: Buffer, remote: RemoteInfo) => Buffer | undefined;
