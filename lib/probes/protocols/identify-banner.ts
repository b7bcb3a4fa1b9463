// Names what answered from what a server says before the client says anything: SSH, SMTP, FTP,
// POP3, IMAP, MySQL/MariaDB, VNC, Telnet, a TLS-only service. Anything else that said something is "unknown".
import { type Banner, unknownBanner } from "./banner";
import { ftpProduct, mailboxProduct, type ProductMatch, smtpProduct } from "./greeting-products";
import { parseMysqlGreeting } from "./mysql-greeting";
import { bannerText } from "./sanitize-text";

const SMTP_PORTS = new Set([25, 465, 587, 2525]);
const FTP_PORTS = new Set([21, 990, 2121]);

const IAC = 0xff;
const SB = 0xfa;
const SE = 0xf0;

export function identifyBanner(port: number, bytes: Buffer): Banner | null {
  if (bytes.length === 0) return null;
  return telnet(bytes) ?? parseMysqlGreeting(bytes) ?? tlsRecord(bytes) ?? textGreeting(port, bytes) ?? unknownBanner(bytes);
}

function textGreeting(port: number, bytes: Buffer): Banner | null {
  const raw = bytes.toString("latin1");
  const banner = (service: string, match: { product: string | null; version: string | null } | null): Banner => ({
    service,
    product: match?.product ?? null,
    version: match?.version ?? null,
    text: bannerText(bytes),
  });

  // RFC 4253 lets a server send other lines before its identification string.
  const ssh = /^SSH-(\d+\.\d+)-([\x21-\x7e]{1,255})/m.exec(raw);
  if (ssh) return banner("ssh", sshSoftware(ssh[2]!));

  const rfb = /^RFB (\d{3})\.(\d{3})\n/.exec(raw);
  if (rfb) return banner("vnc", { product: null, version: `${Number(rfb[1])}.${Number(rfb[2])}` });

  if (/^\+OK\b/.test(raw)) return banner("pop3", mailboxProduct(raw));
  if (/^\* (?:OK|PREAUTH|BYE)\b/.test(raw)) return banner("imap", mailboxProduct(raw));

  if (/^\d{3}[ -]/.test(raw)) {
    const service = smtpOrFtp(port, raw);
    if (service === "smtp") return banner("smtp", smtpProduct(raw));
    if (service === "ftp") return banner("ftp", ftpProduct(raw));
  }
  return null;
}

/**
 * SMTP and FTP greetings both start with "220". The words decide when only one protocol's words
 * appear, else the port; a host name like "ftp.example.com" in an SMTP banner is not a word.
 */
function smtpOrFtp(port: number, raw: string): "smtp" | "ftp" | null {
  const smtp = /(?<![\w.-])E?SMTP(?![\w.-])/i.test(raw) || smtpProduct(raw) !== null;
  const ftp = /(?<![\w.-])FTP(?![\w.-])|FTPd\b/i.test(raw) || ftpProduct(raw) !== null;
  if (smtp && !ftp) return "smtp";
  if (ftp && !smtp) return "ftp";
  if (SMTP_PORTS.has(port)) return "smtp";
  if (FTP_PORTS.has(port)) return "ftp";
  return null;
}

/** "OpenSSH_9.6p1" → OpenSSH 9.6p1, "dropbear_2022.83" → dropbear 2022.83, "ROSSSH" → ROSSSH. */
function sshSoftware(software: string): ProductMatch {
  const split = /^([A-Za-z][\w.-]*?)[_-]v?(\d[\w.+~-]*)$/.exec(software);
  if (split) return { product: split[1]!, version: split[2]! };
  return { product: software, version: null };
}

/** Telnet servers open with option negotiation: IAC followed by WILL, WONT, DO, DONT or SB. */
function telnet(bytes: Buffer): Banner | null {
  if (bytes[0] !== IAC || bytes[1] === undefined || bytes[1] < SB || bytes[1] === IAC) return null;
  return { service: "telnet", product: null, version: null, text: bannerText(withoutTelnetCommands(bytes)) };
}

/** The text a Telnet server sent (a login prompt, a notice) without its negotiation bytes. */
function withoutTelnetCommands(bytes: Buffer): Buffer {
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i]!;
    if (byte !== IAC) {
      out.push(byte);
      continue;
    }
    const command = bytes[i + 1];
    if (command === IAC) {
      out.push(IAC);
      i += 1;
    } else if (command === SB) {
      // Subnegotiation runs to IAC SE.
      let end = i + 2;
      while (end < bytes.length && !(bytes[end] === IAC && bytes[end + 1] === SE)) end++;
      i = end + 1;
    } else if (command !== undefined && command > SB) {
      i += 2;
    } else {
      i += 1;
    }
  }
  return Buffer.from(out);
}

/** A TLS record (alert or handshake) where plain text was expected: a TLS-only service. */
function tlsRecord(bytes: Buffer): Banner | null {
  if (bytes.length < 5 || (bytes[0] !== 0x15 && bytes[0] !== 0x16) || bytes[1] !== 3 || bytes[2]! > 4) return null;
  return { service: "tls", product: null, version: null, text: bytes[0] === 0x15 ? "TLS alert" : "TLS handshake" };
}
