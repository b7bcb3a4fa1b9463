// The fake target host itself: every server speaks its protocol to plain node:net/tls/dgram clients, in-process and as a standalone program.
import { type ChildProcess, spawn } from "node:child_process";
import { X509Certificate } from "node:crypto";
import { createSocket } from "node:dgram";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { connect as connectTcp, isIPv6, type Socket } from "node:net";
import path from "node:path";
import { createInterface } from "node:readline";
import { checkServerIdentity, connect as connectTls, type ConnectionOptions, type TLSSocket } from "node:tls";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestCertificates, type TestCertificates } from "./helpers/certs";
import { startTargetHost, type TargetEvent, type TargetHost, type TargetHostSpec } from "./helpers/target-host";
import { DEFAULT_MINECRAFT_STATUS, readVarInt, writeVarInt } from "./helpers/target-servers/minecraft";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const HOST = "127.0.0.2";
const NAME = "tls.portcheck-test.net";
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const SPEC: TargetHostSpec = {
  host: HOST,
  servers: [
    { kind: "open" },
    { kind: "accept-reset" },
    { kind: "accept-close" },
    { kind: "silent-after-accept" },
    { kind: "ssh" },
    { kind: "smtp" },
    { kind: "smtp", name: "smtp-plain", starttls: false },
    { kind: "ftp" },
    { kind: "pop3" },
    { kind: "imap" },
    { kind: "xmpp" },
    { kind: "tls", name: "tls-good", cert: "good" },
    { kind: "tls", name: "tls-self-signed", cert: "self-signed" },
    { kind: "tls", name: "tls-expired", cert: "expired" },
    { kind: "tls", name: "tls-mismatched", cert: "mismatched" },
    { kind: "http" },
    { kind: "mysql" },
    { kind: "redis" },
    { kind: "redis", name: "redis-auth", auth: true },
    { kind: "postgres" },
    { kind: "minecraft" },
    { kind: "banner", text: "portcheck-token-7f3a\n" },
    { kind: "full-backlog" },
    { kind: "udp-dns" },
    { kind: "udp-ntp" },
    { kind: "udp-stun" },
    { kind: "udp-bedrock" },
    { kind: "udp-quic" },
    { kind: "udp-a2s" },
    { kind: "udp-echo" },
    { kind: "udp-silent" },
  ],
};

let target: TargetHost;
let ca: string;
const port = (name: string) => target.ports[name]!;

beforeAll(async () => {
  target = await startTargetHost(SPEC);
  ca = target.certificates!.ca.cert;
});
afterAll(() => target?.close());

/** A client side of a conversation: buffers what arrives and waits for patterns. */
class Peer {
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
async function connectOutcome(portNumber: number, host: string, ms: number): Promise<string | undefined> {
  const socket = connectTcp({ host, port: portNumber });
  const outcome = await Promise.race([
    once(socket, "connect").then(() => "connected"),
    once(socket, "error").then(([error]) => (error as NodeJS.ErrnoException).code),
    sleep(ms).then(() => "pending"),
  ]);
  socket.destroy();
  return outcome;
}

async function exchange(portNumber: number, message: Buffer, host = HOST, ms = 1000): Promise<Buffer | null> {
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

async function tlsConnect(portNumber: number, options: ConnectionOptions): Promise<TLSSocket> {
  const socket = connectTls({ host: HOST, port: portNumber, ...options });
  await Promise.race([once(socket, "secureConnect"), once(socket, "error").then(([error]) => Promise.reject(error as Error))]);
  return socket;
}

async function tlsError(portNumber: number, options: ConnectionOptions): Promise<string | undefined> {
  try {
    (await tlsConnect(portNumber, options)).destroy();
    return undefined;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code;
  }
}

describe("createTestCertificates", () => {
  it("makes a CA, a 30-day leaf for the given names and IPs, a self-signed, an expired and a mismatched certificate", () => {
    const certs = createTestCertificates(undefined, { dnsNames: ["a.portcheck-test.net", "b.portcheck-test.net"], ips: ["127.0.0.2", "::1"] });
    try {
      const root = new X509Certificate(certs.ca.cert);
      const good = new X509Certificate(certs.good.cert);
      expect(root.ca).toBe(true);
      expect(certs.caFile).toBe(certs.ca.certFile);
      expect(good.subjectAltName).toBe("DNS:a.portcheck-test.net, DNS:b.portcheck-test.net, IP Address:127.0.0.2, IP Address:0:0:0:0:0:0:0:1");
      expect(good.checkIssued(root) && good.verify(root.publicKey)).toBe(true);
      const daysLeft = (Date.parse(good.validTo) - Date.now()) / 86_400_000;
      expect(daysLeft).toBeGreaterThan(29);
      expect(daysLeft).toBeLessThanOrEqual(30);

      const expired = new X509Certificate(certs.expired.cert);
      expect(expired.verify(root.publicKey)).toBe(true);
      expect(new Date(expired.validTo).getUTCFullYear()).toBe(2020);
      const selfSigned = new X509Certificate(certs.selfSigned.cert);
      expect(selfSigned.issuer).toBe(selfSigned.subject);
      expect(selfSigned.verify(selfSigned.publicKey)).toBe(true);
      expect(selfSigned.subjectAltName).toBe(good.subjectAltName);
      const mismatched = new X509Certificate(certs.mismatched.cert);
      expect(mismatched.subjectAltName).toBe("DNS:other.portcheck-test.net");
      expect(mismatched.verify(root.publicKey)).toBe(true);
      for (const pair of [certs.ca, certs.good, certs.selfSigned, certs.expired, certs.mismatched]) {
        expect(pair.key).toMatch(/^-----BEGIN PRIVATE KEY-----/);
        expect(existsSync(pair.keyFile) && existsSync(pair.certFile)).toBe(true);
      }
    } finally {
      certs.cleanup();
    }
    expect(existsSync(certs.dir)).toBe(false);
  });
});

describe("plain TCP behaviours", () => {
  it("open: accepts, swallows what it is sent, and closes only after the peer does", async () => {
    const peer = await Peer.connect(port("open"));
    peer.send("hello\r\n");
    await sleep(200);
    expect(peer.bytes.length).toBe(0);
    expect(peer.ended).toBe(false);
    peer.socket.end();
    await peer.until(() => peer.ended, 2000, "FIN");
    expect(peer.error).toBeNull();
  });

  it("accept-reset: the connection is accepted, then reset", async () => {
    const socket = connectTcp({ host: HOST, port: port("accept-reset") });
    // On loopback the RST can beat the connect callback, so the reset may surface as a connect error: either way ECONNRESET, not ECONNREFUSED.
    const [error] = (await once(socket, "close").then(() => [null]).catch((thrown: unknown) => [thrown])) as [NodeJS.ErrnoException | null];
    expect(error?.code).toBe("ECONNRESET");
    expect(await target.waitForEvent((e) => e.event === "connection" && e.server === "accept-reset")).toBeTruthy();
  });

  it("accept-close: the connection is accepted, then closed with FIN and no data", async () => {
    const peer = await Peer.connect(port("accept-close"));
    await peer.until(() => peer.ended, 2000, "FIN");
    expect(peer.bytes.length).toBe(0);
    expect(peer.error).toBeNull();
  });

  it("silent-after-accept: never sends and never closes, even after the peer's FIN", async () => {
    const peer = await Peer.connect(port("silent-after-accept"));
    peer.send("anyone?\r\n");
    peer.socket.end();
    await sleep(500);
    expect(peer.bytes.length).toBe(0);
    expect(peer.ended).toBe(false);
    peer.close();
  });

  it("ssh and banner: their line as soon as the client connects", async () => {
    const ssh = await Peer.connect(port("ssh"));
    expect(await ssh.expect(/\r\n/)).toBe("SSH-2.0-OpenSSH_9.6p1 Ubuntu-3ubuntu13.5\r\n");
    ssh.close();
    const banner = await Peer.connect(port("banner"));
    expect(await banner.expect(/\n/)).toBe("portcheck-token-7f3a\n");
    banner.close();
  });

  it("full-backlog: the SYN is never answered", async () => {
    expect(await connectOutcome(port("full-backlog"), HOST, 700)).toBe("pending");
  });

  it("reports every accepted connection", async () => {
    const peer = await Peer.connect(port("open"));
    const event = await target.waitForEvent((e) => e.event === "connection" && e.server === "open" && e.remotePort === peer.socket.localPort);
    expect(event).toMatchObject({ port: port("open"), localAddress: HOST, remoteAddress: peer.socket.localAddress });
    peer.close();
  });
});

describe("STARTTLS protocols", () => {
  const tlsEvent = (server: string, socket: Socket) =>
    target.waitForEvent((e) => e.event === "tls" && e.server === server && e.remotePort === socket.localPort) as Promise<Extract<TargetEvent, { event: "tls" }>>;

  it("smtp: Postfix greeting, EHLO with STARTTLS, then TLS with the good certificate, EHLO again, QUIT", async () => {
    const peer = await Peer.connect(port("smtp"));
    const plain = peer.socket;
    expect(await peer.expect(/\r\n/)).toBe("220 mail.portcheck-test.net ESMTP Postfix (Debian/GNU)\r\n");
    peer.send("EHLO probe.portcheck.test\r\n");
    const ehlo = await peer.expect(/^250 .*\r\n/m);
    expect(ehlo).toMatch(/^250-mail\.portcheck-test\.net\r\n/);
    expect(ehlo).toContain("250-STARTTLS\r\n");
    peer.send("STARTTLS\r\n");
    expect(await peer.expect(/\r\n/)).toBe("220 2.0.0 Ready to start TLS\r\n");
    const secure = await peer.startTls();
    expect(secure.authorized).toBe(true);
    expect(secure.getPeerCertificate().subject.CN).toBe(NAME);
    expect(await tlsEvent("smtp", plain)).toMatchObject({ servername: NAME, handshake: true, starttls: "smtp" });
    peer.send("EHLO probe.portcheck.test\r\n");
    expect(await peer.expect(/^250 .*\r\n/m)).not.toContain("STARTTLS");
    peer.send("QUIT\r\n");
    expect(await peer.expect(/\r\n/)).toBe("221 2.0.0 Bye\r\n");
    await peer.until(() => peer.ended, 2000, "FIN");
  });

  it("smtp with starttls: false neither advertises nor accepts STARTTLS", async () => {
    const peer = await Peer.connect(port("smtp-plain"));
    await peer.expect(/^220 .*\r\n/);
    peer.send("EHLO probe\r\n");
    expect(await peer.expect(/^250 .*\r\n/m)).not.toContain("STARTTLS");
    peer.send("STARTTLS\r\n");
    expect(await peer.expect(/\r\n/)).toMatch(/^502 /);
    peer.close();
  });

  it("ftp: vsftpd greeting, AUTH TLS, then commands over TLS", async () => {
    const peer = await Peer.connect(port("ftp"));
    expect(await peer.expect(/\r\n/)).toBe("220 (vsFTPd 3.0.5)\r\n");
    peer.send("AUTH TLS\r\n");
    expect(await peer.expect(/\r\n/)).toBe("234 Proceed with negotiation.\r\n");
    const plain = peer.socket;
    expect((await peer.startTls()).authorized).toBe(true);
    expect(await tlsEvent("ftp", plain)).toMatchObject({ servername: NAME, starttls: "ftp" });
    peer.send("PBSZ 0\r\n");
    expect(await peer.expect(/\r\n/)).toMatch(/^200 /);
    peer.send("QUIT\r\n");
    expect(await peer.expect(/\r\n/)).toBe("221 Goodbye.\r\n");
  });

  it("pop3: Dovecot greeting, CAPA with STLS, STLS, then TLS", async () => {
    const peer = await Peer.connect(port("pop3"));
    expect(await peer.expect(/\r\n/)).toBe("+OK Dovecot ready.\r\n");
    peer.send("CAPA\r\n");
    expect(await peer.expect(/\r\n\.\r\n/)).toContain("\r\nSTLS\r\n");
    peer.send("STLS\r\n");
    expect(await peer.expect(/\r\n/)).toBe("+OK Begin TLS negotiation now.\r\n");
    expect((await peer.startTls()).authorized).toBe(true);
    peer.send("QUIT\r\n");
    expect(await peer.expect(/\r\n/)).toBe("+OK Logging out.\r\n");
  });

  it("imap: Dovecot greeting with STARTTLS, any tag, then TLS", async () => {
    const peer = await Peer.connect(port("imap"));
    expect(await peer.expect(/\r\n/)).toBe("* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] Dovecot ready.\r\n");
    peer.send("x7 STARTTLS\r\n");
    expect(await peer.expect(/\r\n/)).toBe("x7 OK Begin TLS negotiation now.\r\n");
    expect((await peer.startTls()).authorized).toBe(true);
    peer.send("x8 CAPABILITY\r\n");
    const capabilities = await peer.expect(/^x8 OK .*\r\n/m);
    expect(capabilities).toContain("AUTH=PLAIN");
    expect(capabilities).not.toContain("STARTTLS");
  });

  it("xmpp: stream features require STARTTLS, <proceed/>, then TLS and a fresh stream", async () => {
    const peer = await Peer.connect(port("xmpp"));
    const header = (to: string) => `<?xml version='1.0'?><stream:stream to='${to}' version='1.0' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>`;
    peer.send(header("chat.portcheck-test.net"));
    const features = await peer.expect(/<\/stream:features>/);
    expect(features).toMatch(/^<\?xml version='1.0'\?><stream:stream [^>]*from='chat\.portcheck-test\.net'/);
    expect(features).toContain("<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls></stream:features>");
    expect(await target.waitForEvent((e) => e.event === "xmpp" && e.server === "xmpp" && e.remotePort === peer.socket.localPort)).toMatchObject({ to: "chat.portcheck-test.net" });
    peer.send("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
    expect(await peer.expect(/\/>/)).toBe("<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
    expect((await peer.startTls()).authorized).toBe(true);
    peer.send(header("chat.portcheck-test.net"));
    expect(await peer.expect(/<\/stream:features>/)).toContain("<mechanism>PLAIN</mechanism>");
    peer.send("</stream:stream>");
    await peer.expect(/<\/stream:stream>/);
  });
});

describe("implicit TLS", () => {
  const insecure = { servername: NAME, rejectUnauthorized: false };

  it("presents each kind of certificate", async () => {
    const certs: Record<string, ReturnType<TLSSocket["getPeerCertificate"]>> = {};
    for (const name of ["tls-good", "tls-self-signed", "tls-expired", "tls-mismatched"]) {
      const socket = await tlsConnect(port(name), insecure);
      certs[name] = socket.getPeerCertificate();
      socket.destroy();
    }
    const good = certs["tls-good"]!;
    expect(good.subject.CN).toBe(NAME);
    expect(good.issuer.CN).toBe("Portcheck Test Root CA");
    expect(good.subjectaltname).toBe(`DNS:${NAME}, IP Address:${HOST}`);
    const daysLeft = (Date.parse(good.valid_to) - Date.now()) / 86_400_000;
    expect(daysLeft).toBeGreaterThan(29);
    expect(daysLeft).toBeLessThanOrEqual(30);
    expect(certs["tls-self-signed"]!.issuer.CN).toBe(NAME);
    expect(new Date(certs["tls-expired"]!.valid_to).getTime()).toBe(Date.UTC(2020, 0, 1));
    expect(certs["tls-expired"]!.issuer.CN).toBe("Portcheck Test Root CA");
    expect(certs["tls-mismatched"]!.subject.CN).toBe("other.portcheck-test.net");
    expect(certs["tls-mismatched"]!.subjectaltname).toBe("DNS:other.portcheck-test.net");
  });

  it("with the test CA trusted, only the good certificate verifies, by name and by IP", async () => {
    const byName = await tlsConnect(port("tls-good"), { servername: NAME, ca });
    expect(byName.authorized).toBe(true);
    expect(checkServerIdentity(NAME, byName.getPeerCertificate())).toBeUndefined();
    expect(checkServerIdentity("other.portcheck-test.net", byName.getPeerCertificate())).toBeInstanceOf(Error);
    byName.destroy();
    const byIp = await tlsConnect(port("tls-good"), { ca });
    expect(byIp.authorized).toBe(true);
    byIp.destroy();
    expect(await tlsError(port("tls-expired"), { servername: NAME, ca })).toBe("CERT_HAS_EXPIRED");
    expect(await tlsError(port("tls-self-signed"), { servername: NAME, ca })).toBe("DEPTH_ZERO_SELF_SIGNED_CERT");
    expect(await tlsError(port("tls-mismatched"), { servername: NAME, ca })).toBe("ERR_TLS_CERT_ALTNAME_INVALID");
  });

  it("records the SNI servername of each TLS connection (null without SNI), not of bare TCP connects", async () => {
    const withSni = await tlsConnect(port("tls-good"), { servername: "sni.portcheck-test.net", rejectUnauthorized: false });
    expect(await target.waitForEvent((e) => e.event === "tls" && e.server === "tls-good" && e.remotePort === withSni.localPort)).toMatchObject({
      server: "tls-good",
      port: port("tls-good"),
      servername: "sni.portcheck-test.net",
      handshake: true,
    });
    withSni.destroy();
    const withoutSni = await tlsConnect(port("tls-good"), { rejectUnauthorized: false });
    expect(await target.waitForEvent((e) => e.event === "tls" && e.server === "tls-good" && e.remotePort === withoutSni.localPort)).toMatchObject({ servername: null });
    withoutSni.destroy();
    const bare = await Peer.connect(port("tls-good"));
    const barePort = bare.socket.localPort;
    bare.close();
    await sleep(200);
    expect(target.events.filter((e) => e.event === "tls" && e.server === "tls-good" && e.remotePort === barePort)).toEqual([]);
    const plaintext = await Peer.connect(port("tls-good"));
    plaintext.send("GET / HTTP/1.0\r\n\r\n");
    expect(await target.waitForEvent((e) => e.event === "tls" && e.server === "tls-good" && e.remotePort === plaintext.socket.localPort)).toMatchObject({
      servername: null,
      handshake: false,
      error: expect.stringMatching(/wrong version number|http request/i),
    });
    plaintext.close();
  });

  it("answers HEAD like nginx once the handshake is done", async () => {
    const socket = await tlsConnect(port("tls-good"), { servername: NAME, ca });
    const peer = new Peer(socket);
    peer.send(`HEAD / HTTP/1.1\r\nHost: ${NAME}\r\nConnection: close\r\n\r\n`);
    const head = await peer.expect(/\r\n\r\n/);
    expect(head).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(head).toContain("Server: nginx/1.24.0\r\n");
    expect(await target.waitForEvent((e) => e.event === "http" && e.server === "tls-good" && e.remotePort === socket.localPort)).toMatchObject({ server: "tls-good", method: "HEAD", host: NAME });
    peer.close();
  });
});

describe("plain HTTP and databases", () => {
  it("http: 200 from Apache for GET, with the Host header recorded", async () => {
    const peer = await Peer.connect(port("http"));
    peer.send("GET /status HTTP/1.1\r\nHost: www.portcheck-test.net\r\nConnection: close\r\n\r\n");
    await peer.until(() => peer.ended, 3000, "end of response");
    expect(peer.text).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(peer.text).toContain("Server: Apache/2.4.58 (Ubuntu)\r\n");
    expect(await target.waitForEvent((e) => e.event === "http" && e.server === "http" && e.remotePort === peer.socket.localPort)).toMatchObject({
      method: "GET",
      path: "/status",
      host: "www.portcheck-test.net",
    });
  });

  it("mysql: a MariaDB protocol 10 handshake", async () => {
    const peer = await Peer.connect(port("mysql"));
    await peer.until(() => peer.bytes.length >= 4 && peer.bytes.length >= 4 + peer.bytes.readUIntLE(0, 3), 2000, "handshake packet");
    const packet = peer.bytes;
    expect(packet.readUInt8(3)).toBe(0);
    const payload = packet.subarray(4, 4 + packet.readUIntLE(0, 3));
    expect(payload[0]).toBe(10);
    const versionEnd = payload.indexOf(0, 1);
    expect(payload.toString("latin1", 1, versionEnd)).toBe("5.5.5-10.11.6-MariaDB-0+deb12u1");
    let offset = versionEnd + 1;
    expect(payload.readUInt32LE(offset)).toBeGreaterThan(0);
    const scramble1 = payload.subarray(offset + 4, offset + 12);
    offset += 12;
    expect(payload[offset]).toBe(0);
    const capabilities = payload.readUInt16LE(offset + 1) | (payload.readUInt16LE(offset + 6) << 16);
    expect(capabilities & 0x200).toBe(0x200); // CLIENT_PROTOCOL_41
    expect(capabilities & 0x80000).toBe(0x80000); // CLIENT_PLUGIN_AUTH
    expect(payload[offset + 3]).toBe(45);
    expect(payload.readUInt16LE(offset + 4)).toBe(2);
    expect(payload[offset + 8]).toBe(21);
    offset += 9 + 10;
    const scramble2 = payload.subarray(offset, offset + 12);
    expect(payload[offset + 12]).toBe(0);
    expect(Buffer.concat([scramble1, scramble2]).includes(0)).toBe(false);
    expect(payload.toString("latin1", offset + 13, payload.length - 1)).toBe("mysql_native_password");
    peer.close();
  });

  it("redis: PING inline and as a RESP array (split across writes); NOAUTH when auth is on", async () => {
    const peer = await Peer.connect(port("redis"));
    peer.send("PING\r\n");
    expect(await peer.expect(/\r\n/)).toBe("+PONG\r\n");
    peer.send("*1\r\n$4\r\nPI");
    await sleep(50);
    peer.send("NG\r\n");
    expect(await peer.expect(/\r\n/)).toBe("+PONG\r\n");
    peer.close();
    const locked = await Peer.connect(port("redis-auth"));
    locked.send("*1\r\n$4\r\nPING\r\n");
    expect(await locked.expect(/\r\n/)).toBe("-NOAUTH Authentication required.\r\n");
    locked.close();
  });

  it("postgres: SSLRequest is declined with N", async () => {
    const peer = await Peer.connect(port("postgres"));
    peer.send(Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]));
    await peer.until(() => peer.bytes.length > 0, 2000, "reply");
    expect(peer.bytes.toString("latin1")).toBe("N");
    peer.close();
  });

  it("minecraft: Server List Ping with the request split into small TCP chunks", async () => {
    const peer = await Peer.connect(port("minecraft"));
    peer.socket.setNoDelay(true);
    const host = Buffer.from("mc.portcheck-test.net");
    const portBytes = Buffer.alloc(2);
    portBytes.writeUInt16BE(25565);
    const handshake = Buffer.concat([writeVarInt(0), writeVarInt(769), writeVarInt(host.length), host, portBytes, writeVarInt(1)]);
    const request = Buffer.concat([writeVarInt(handshake.length), handshake, Buffer.from([1, 0])]);
    for (let offset = 0; offset < request.length; offset += 5) {
      peer.send(request.subarray(offset, offset + 5));
      await sleep(10);
    }
    const frame = () => {
      const length = readVarInt(peer.bytes, 0);
      return length && !(length instanceof Error) && peer.bytes.length >= length.next + length.value ? length : null;
    };
    await peer.until(() => frame() !== null, 3000, "status response");
    const length = frame()!;
    const body = peer.bytes.subarray(length.next, length.next + length.value);
    expect(body[0]).toBe(0);
    const json = readVarInt(body, 1) as { value: number; next: number };
    expect(JSON.parse(body.toString("utf8", json.next, json.next + json.value))).toEqual(DEFAULT_MINECRAFT_STATUS);
    expect(await target.waitForEvent((e) => e.event === "minecraft" && e.server === "minecraft" && e.remotePort === peer.socket.localPort)).toMatchObject({
      host: "mc.portcheck-test.net",
      serverPort: 25565,
      protocol: 769,
      nextState: 1,
    });
    peer.bytes = Buffer.alloc(0);
    const payload = Buffer.from("0123456789abcdef", "hex");
    peer.send(Buffer.concat([Buffer.from([9, 1]), payload]));
    await peer.until(() => peer.ended, 3000, "pong and close");
    expect(peer.bytes).toEqual(Buffer.concat([Buffer.from([9, 1]), payload]));
  });
});

describe("UDP services", () => {
  it("udp-dns: NOERROR with the question echoed and one A record", async () => {
    const name = Buffer.from("\x04host\x0eportcheck-test\x03net\x00", "latin1");
    const query = (type: number) => Buffer.concat([Buffer.from([0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0]), name, Buffer.from([0, type, 0, 1])]);
    const reply = (await exchange(port("udp-dns"), query(1)))!;
    expect(reply.readUInt16BE(0)).toBe(0x1234);
    expect(reply.readUInt16BE(2) & 0x800f).toBe(0x8000); // QR, NOERROR
    expect(reply.readUInt16BE(2) & 0x0100).toBe(0x0100); // RD copied
    expect([reply.readUInt16BE(4), reply.readUInt16BE(6)]).toEqual([1, 1]);
    expect(reply.subarray(12, 12 + name.length + 4)).toEqual(query(1).subarray(12));
    const answer = reply.subarray(12 + name.length + 4);
    expect(answer.readUInt16BE(2)).toBe(1);
    expect([...answer.subarray(answer.length - 4)]).toEqual([10, 77, 0, 1]);
    const aaaa = (await exchange(port("udp-dns"), query(28)))!;
    expect([aaaa.readUInt16BE(2) & 0x000f, aaaa.readUInt16BE(6)]).toEqual([0, 0]);
    expect(await exchange(port("udp-dns"), Buffer.from("hi"), HOST, 300)).toBeNull();
  });

  it("udp-ntp: a mode 4, stratum 2 reply echoing the client's transmit time", async () => {
    const request = Buffer.alloc(48);
    request[0] = (4 << 3) | 3;
    const transmit = Buffer.from("e3c1a2b3c4d5e6f7", "hex");
    transmit.copy(request, 40);
    const reply = (await exchange(port("udp-ntp"), request))!;
    expect(reply.length).toBe(48);
    expect(reply[0]! & 0x07).toBe(4);
    expect((reply[0]! >> 3) & 0x07).toBe(4);
    expect(reply[1]).toBe(2);
    expect(reply.subarray(24, 32)).toEqual(transmit);
    const serverSeconds = reply.readUInt32BE(40) - 2_208_988_800;
    expect(Math.abs(serverSeconds - Date.now() / 1000)).toBeLessThan(5);
  });

  it("udp-stun: Binding Success with the same transaction id, XOR-MAPPED-ADDRESS of the sender and SOFTWARE", async () => {
    const socket = createSocket("udp4");
    await new Promise<void>((resolve) => socket.bind(0, "127.0.0.1", resolve));
    const request = Buffer.alloc(20);
    request.writeUInt16BE(0x0001, 0);
    request.writeUInt32BE(0x2112a442, 4);
    Buffer.from("0102030405060708090a0b0c", "hex").copy(request, 8);
    const replied = once(socket, "message") as Promise<[Buffer]>;
    socket.send(request, port("udp-stun"), HOST);
    const [reply] = await replied;
    const localPort = socket.address().port;
    socket.close();
    expect(reply.readUInt16BE(0)).toBe(0x0101);
    expect(reply.readUInt16BE(2)).toBe(reply.length - 20);
    expect(reply.subarray(4, 20)).toEqual(request.subarray(4, 20));
    const attributes = new Map<number, Buffer>();
    for (let offset = 20; offset < reply.length; ) {
      const length = reply.readUInt16BE(offset + 2);
      attributes.set(reply.readUInt16BE(offset), reply.subarray(offset + 4, offset + 4 + length));
      offset += 4 + Math.ceil(length / 4) * 4;
    }
    const mapped = attributes.get(0x0020)!;
    expect(mapped[1]).toBe(0x01);
    expect(mapped.readUInt16BE(2) ^ 0x2112).toBe(localPort);
    expect((mapped.readUInt32BE(4) ^ 0x2112a442) >>> 0).toBe(0x7f000001);
    expect(attributes.get(0x8022)!.toString()).toBe("portcheck-test-stun");
  });

  it("udp-bedrock: Unconnected Pong with the client's time, the magic and the MOTD", async () => {
    const magic = Buffer.from("00ffff00fefefefefdfdfdfd12345678", "hex");
    const ping = Buffer.concat([Buffer.from([0x01]), Buffer.from("0000000000abcdef", "hex"), magic, Buffer.alloc(8, 7)]);
    const pong = (await exchange(port("udp-bedrock"), ping))!;
    expect(pong[0]).toBe(0x1c);
    expect(pong.subarray(1, 9)).toEqual(ping.subarray(1, 9));
    expect(pong.subarray(17, 33)).toEqual(magic);
    expect(pong.toString("utf8", 35, 35 + pong.readUInt16BE(33))).toBe("MCPE;Portcheck Bedrock;766;1.21.50;2;10;1234567890;Sub;Survival;1;19132;19133;");
  });

  it("udp-quic: Version Negotiation for an unknown version, ids swapped; nothing for short datagrams", async () => {
    const dcid = Buffer.from("1122334455667788", "hex");
    const scid = Buffer.from("aabbccddee", "hex");
    const packet = Buffer.alloc(1200);
    Buffer.concat([Buffer.from([0xc3, 0x1a, 0x2a, 0x3a, 0x4a, dcid.length]), dcid, Buffer.from([scid.length]), scid]).copy(packet);
    const reply = (await exchange(port("udp-quic"), packet))!;
    expect(reply[0]! & 0x80).toBe(0x80);
    expect(reply.readUInt32BE(1)).toBe(0);
    expect(reply[5]).toBe(scid.length);
    expect(reply.subarray(6, 6 + scid.length)).toEqual(scid);
    expect(reply[6 + scid.length]).toBe(dcid.length);
    const versionsAt = 7 + scid.length + dcid.length;
    expect(reply.subarray(7 + scid.length, versionsAt)).toEqual(dcid);
    expect([reply.readUInt32BE(versionsAt), reply.readUInt32BE(versionsAt + 4)]).toEqual([0x00000001, 0x6b3343cf]);
    expect(reply.length).toBe(versionsAt + 8);
    expect(await exchange(port("udp-quic"), packet.subarray(0, 100), HOST, 300)).toBeNull();
  });

  it("udp-a2s: S2C_CHALLENGE first, then the A2S_INFO response for the echoed challenge", async () => {
    const query = Buffer.from("\xff\xff\xff\xffTSource Engine Query\x00", "latin1");
    const challenge = (await exchange(port("udp-a2s"), query))!;
    expect(challenge.subarray(0, 5)).toEqual(Buffer.from([0xff, 0xff, 0xff, 0xff, 0x41]));
    expect(challenge.length).toBe(9);
    const info = (await exchange(port("udp-a2s"), Buffer.concat([query, challenge.subarray(5)])))!;
    expect(info.subarray(0, 6)).toEqual(Buffer.from([0xff, 0xff, 0xff, 0xff, 0x49, 17]));
    let offset = 6;
    const strings: string[] = [];
    for (let index = 0; index < 4; index++) {
      const end = info.indexOf(0, offset);
      strings.push(info.toString("utf8", offset, end));
      offset = end + 1;
    }
    expect(strings).toEqual(["Portcheck CS", "de_dust2", "csgo", "Counter-Strike 2"]);
    expect(info.readUInt16LE(offset)).toBe(730);
    expect([info[offset + 2], info[offset + 3]]).toEqual([5, 32]);
    const wrong = (await exchange(port("udp-a2s"), Buffer.concat([query, Buffer.from([1, 2, 3, 4])])))!;
    expect(wrong[4]).toBe(0x41);
  });

  it("udp-echo echoes, answers an empty datagram with pong; udp-silent never answers", async () => {
    expect((await exchange(port("udp-echo"), Buffer.from("hello")))!.toString()).toBe("hello");
    expect((await exchange(port("udp-echo"), Buffer.alloc(0)))!.toString()).toBe("pong");
    expect(await exchange(port("udp-silent"), Buffer.from("hello"), HOST, 500)).toBeNull();
    expect(await target.waitForEvent((e) => e.event === "datagram" && e.server === "udp-silent")).toMatchObject({ size: 5, localAddress: HOST });
  });
});

describe("several hosts", () => {
  it("binds every server on each address, on the same port", async () => {
    const both = await startTargetHost({ host: ["127.0.0.2", "::1"], servers: [{ kind: "ssh" }, { kind: "udp-echo" }, { kind: "full-backlog" }] });
    try {
      for (const host of both.hosts) {
        const peer = await Peer.connect(both.ports.ssh!, host);
        expect(await peer.expect(/\r\n/)).toMatch(/^SSH-2\.0-/);
        peer.close();
        expect((await exchange(both.ports["udp-echo"]!, Buffer.from(host), host))!.toString()).toBe(host);
        expect(await connectOutcome(both.ports["full-backlog"]!, host, 300)).toBe("pending");
      }
      expect(both.certificates).toBeNull();
    } finally {
      await both.close();
    }
  });

  it("refuses an unknown kind or a duplicate name", async () => {
    await expect(startTargetHost({ servers: [{ kind: "gopher" as "open" }] })).rejects.toThrow(/unknown kind/);
    await expect(startTargetHost({ servers: [{ kind: "open" }, { kind: "open" }] })).rejects.toThrow(/two servers named open/);
  });
});

describe("CLI mode", () => {
  function start(spec: TargetHostSpec | string): { child: ChildProcess; lines: AsyncIterator<string> } {
    const child = spawn(process.execPath, ["--import", "tsx", "tests/helpers/target-host.ts", typeof spec === "string" ? spec : JSON.stringify(spec)], {
      cwd: ROOT,
      stdio: ["pipe", "pipe", "inherit"],
    });
    return { child, lines: createInterface({ input: child.stdout! })[Symbol.asyncIterator]() };
  }
  const next = async (lines: AsyncIterator<string>) => JSON.parse((await lines.next()).value as string) as Record<string, unknown>;

  it("prints ready with the ports, one JSON line per event, and exits when stdin closes", async () => {
    const certs = createTestCertificates();
    const { child, lines } = start({ host: HOST, certDir: certs.dir, servers: [{ kind: "tls", cert: "good" }, { kind: "http", name: "web" }] });
    try {
      const ready = await next(lines);
      expect(ready).toMatchObject({ ready: true, hosts: [HOST], caFile: certs.caFile });
      const ports = ready.ports as Record<string, number>;
      const secure = await tlsConnect(ports.tls!, { servername: NAME, ca: certs.ca.cert });
      expect(secure.authorized).toBe(true);
      expect(await next(lines)).toMatchObject({ event: "connection", server: "tls", port: ports.tls });
      expect(await next(lines)).toMatchObject({ event: "tls", server: "tls", port: ports.tls, servername: NAME, handshake: true, remotePort: secure.localPort });
      secure.destroy();
      const peer = await Peer.connect(ports.web!);
      peer.send("HEAD / HTTP/1.1\r\nHost: cli.portcheck-test.net\r\n\r\n");
      await peer.expect(/\r\n\r\n/);
      peer.close();
      expect(await next(lines)).toMatchObject({ event: "connection", server: "web" });
      expect(await next(lines)).toMatchObject({ event: "http", server: "web", method: "HEAD", host: "cli.portcheck-test.net" });
      const exited = once(child, "exit");
      child.stdin!.end();
      expect((await exited)[0]).toBe(0);
    } finally {
      child.kill();
      certs.cleanup();
    }
  });

  it("exits on SIGTERM, closing its ports, and reports a bad spec", async () => {
    const { child, lines } = start({ host: HOST, servers: [{ kind: "open" }] });
    const ready = await next(lines);
    const exited = once(child, "exit");
    child.kill("SIGTERM");
    expect((await exited)[0]).toBe(0);
    const socket = connectTcp({ host: HOST, port: (ready.ports as Record<string, number>).open! });
    const [error] = (await once(socket, "error")) as [NodeJS.ErrnoException];
    expect(error.code).toBe("ECONNREFUSED");

    const bad = start('{"servers":[{"kind":"gopher"}]}');
    expect(await next(bad.lines)).toMatchObject({ ready: false, error: expect.stringMatching(/unknown kind/) });
    expect((await once(bad.child, "exit"))[0]).toBe(1);
  });
});
