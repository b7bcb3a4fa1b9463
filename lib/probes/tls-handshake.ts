// The TLS handshake over a connected socket, and what it tells: version, cipher, the certificate, whether
// its chain is trusted and whether it names the host. A self-signed or expired certificate is reported,
// never hidden: the handshake accepts any certificate and judges it afterwards.
import type { Socket } from "node:net";
import { checkServerIdentity, connect, type DetailedPeerCertificate, type TLSSocket } from "node:tls";
import { isIP } from "node:net";
import type { TlsInfo } from "./types";

const DAY_MS = 24 * 3600 * 1000;

export function tlsFailure(error: string, starttls: boolean): TlsInfo {
  return {
    version: null,
    cipher: null,
    subject: null,
    issuer: null,
    san: [],
    validFrom: null,
    validTo: null,
    daysLeft: null,
    trusted: false,
    trustError: null,
    hostnameMatches: null,
    starttls,
    fingerprint: null,
    error,
  };
}

/** Runs the handshake on `socket` (already connected); resolves with the TLS socket, or with an error. */
export function handshake(
  socket: Socket,
  options: { name: string; deadline: number; alpn?: string[]; starttls: boolean },
): Promise<{ tlsSocket: TLSSocket | null; info: TlsInfo }> {
  return new Promise((resolve) => {
    let settled = false;
    // SNI carries names only; an IP literal target is checked against the certificate's IP addresses.
    const servername = isIP(options.name) ? undefined : options.name;
    const tlsSocket = connect({
      socket,
      servername,
      rejectUnauthorized: false,
      // Judge the chain and the name separately, so the result can say which one failed.
      checkServerIdentity: () => undefined,
      // See old servers as they are (and say so) rather than fail to talk to them.
      minVersion: "TLSv1",
      ciphers: "DEFAULT:@SECLEVEL=0",
      ALPNProtocols: options.alpn,
    });
    const finish = (result: { tlsSocket: TLSSocket | null; info: TlsInfo }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (!result.tlsSocket) tlsSocket.destroy();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ tlsSocket: null, info: tlsFailure("The TLS handshake did not finish in time.", options.starttls) }), Math.max(0, options.deadline - performance.now()));
    tlsSocket.once("secureConnect", () => finish({ tlsSocket, info: describe(tlsSocket, options.name, options.starttls) }));
    tlsSocket.once("error", (error: NodeJS.ErrnoException) => finish({ tlsSocket: null, info: tlsFailure(handshakeError(error), options.starttls) }));
    tlsSocket.once("close", () => finish({ tlsSocket: null, info: tlsFailure("The server closed the connection during the TLS handshake.", options.starttls) }));
  });
}

function handshakeError(error: NodeJS.ErrnoException): string {
  if (error.code === "ECONNRESET") return "The server reset the connection during the TLS handshake.";
  const reason = (error as { reason?: string }).reason ?? error.message;
  return `TLS handshake failed: ${reason}`.slice(0, 300);
}

export function describe(tlsSocket: TLSSocket, name: string, starttls: boolean): TlsInfo {
  const cert = tlsSocket.getPeerCertificate(true) as DetailedPeerCertificate | null;
  const hasCert = cert && Object.keys(cert).length > 0;
  const validTo = hasCert && cert.valid_to ? new Date(cert.valid_to) : null;
  const validFrom = hasCert && cert.valid_from ? new Date(cert.valid_from) : null;
  const trustError = tlsSocket.authorized ? null : String(tlsSocket.authorizationError ?? "UNKNOWN");
  return {
    version: tlsSocket.getProtocol() ?? null,
    cipher: tlsSocket.getCipher()?.name ?? null,
    subject: hasCert ? distinguishedName(cert.subject) : null,
    issuer: hasCert ? distinguishedName(cert.issuer) : null,
    san: hasCert ? subjectAltNames(cert.subjectaltname) : [],
    validFrom: validFrom && !Number.isNaN(validFrom.getTime()) ? validFrom.toISOString() : null,
    validTo: validTo && !Number.isNaN(validTo.getTime()) ? validTo.toISOString() : null,
    daysLeft: validTo && !Number.isNaN(validTo.getTime()) ? Math.floor((validTo.getTime() - Date.now()) / DAY_MS) : null,
    trusted: tlsSocket.authorized,
    trustError: hasCert ? trustError : "NO_CERTIFICATE",
    hostnameMatches: hasCert ? checkServerIdentity(name, cert) === undefined : null,
    starttls,
    fingerprint: hasCert ? (cert.fingerprint256 ?? null) : null,
    error: null,
  };
}

function distinguishedName(name: object | undefined): string | null {
  if (!name) return null;
  const parts = Object.entries(name as Record<string, string | string[] | undefined>).flatMap(([key, value]) =>
    value === undefined ? [] : (Array.isArray(value) ? value : [value]).map((item) => `${key}=${item}`),
  );
  return parts.length ? parts.join(", ").slice(0, 500) : null;
}

/** "DNS:a.example, IP Address:192.0.2.1" -> ["a.example", "192.0.2.1"] */
function subjectAltNames(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split(/,\s*/)
    .map((item) => item.replace(/^(DNS|IP Address|email|URI):/, "").trim())
    .filter(Boolean)
    .slice(0, 100);
}
