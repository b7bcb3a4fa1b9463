// The test certificates and the fake target host's TLS servers, STARTTLS and implicit, as plain node:tls
// clients see them: probe tests rely on each certificate failing verification for its own reason.
import { X509Certificate } from "node:crypto";
import { existsSync } from "node:fs";
import type { Socket } from "node:net";
import { checkServerIdentity, type TLSSocket } from "node:tls";
import { describe, expect, it } from "vitest";
import { createTestCertificates } from "./helpers/certs";
import type { TargetEvent } from "./helpers/target-host";
import { ca, HOST, NAME, Peer, port, sleep, target, tlsConnect, tlsError, useTargetHost } from "./helpers/target-host-client";

useTargetHost({
  host: HOST,
  servers: [
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
  ],
});

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
