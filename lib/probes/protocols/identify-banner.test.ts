import { describe, expect, it } from "vitest";
import { identifyBanner } from "./identify-banner";

/** Just enough of a MySQL packet for routing; mysql-greeting.test.ts has the full handshake. */
function mysqlPacket(body: Buffer): Buffer {
  const header = Buffer.from([body.length & 0xff, body.length >> 8, 0, 0]);
  return Buffer.concat([header, body]);
}
const mysqlHandshake = (version: string) =>
  mysqlPacket(Buffer.concat([Buffer.from([0x0a]), Buffer.from(`${version}\0`), Buffer.from("2a000000616263646566676800feff", "hex")]));
const mysqlErrorPacket = (code: number, message: string) =>
  mysqlPacket(Buffer.concat([Buffer.from([0xff, code & 0xff, code >> 8]), Buffer.from(message)]));

const text = (value: string) => Buffer.from(value, "utf8");
const id = (port: number, value: string | Buffer) => identifyBanner(port, typeof value === "string" ? text(value) : value);
const short = (port: number, value: string | Buffer) => {
  const banner = id(port, value);
  return banner && { service: banner.service, product: banner.product, version: banner.version };
};

describe("identifyBanner: SSH", () => {
  it("reads OpenSSH with its distribution comment", () => {
    expect(id(22, "SSH-2.0-OpenSSH_9.6p1 Ubuntu-3ubuntu13.5\r\n")).toEqual({
      service: "ssh",
      product: "OpenSSH",
      version: "9.6p1",
      text: "SSH-2.0-OpenSSH_9.6p1 Ubuntu-3ubuntu13.5",
    });
  });

  it("reads dropbear and other software-version pairs", () => {
    expect(short(22, "SSH-2.0-dropbear_2022.83\r\n")).toEqual({ service: "ssh", product: "dropbear", version: "2022.83" });
    expect(short(2222, "SSH-2.0-Cisco-1.25\r\n")).toEqual({ service: "ssh", product: "Cisco", version: "1.25" });
    expect(short(22, "SSH-1.99-OpenSSH_3.9p1\n")).toEqual({ service: "ssh", product: "OpenSSH", version: "3.9p1" });
    expect(short(22, "SSH-2.0-OpenSSH_for_Windows_8.1\r\n")).toEqual({ service: "ssh", product: "OpenSSH_for_Windows", version: "8.1" });
    expect(short(22, "SSH-2.0-ROSSSH\r\n")).toEqual({ service: "ssh", product: "ROSSSH", version: null });
  });

  it("finds the identification line after other lines", () => {
    expect(short(22, "Welcome to the jump host\r\nSSH-2.0-OpenSSH_8.9\r\n")).toEqual({ service: "ssh", product: "OpenSSH", version: "8.9" });
  });

  it("keeps terminal escapes out of product and text", () => {
    const banner = id(22, "SSH-2.0-OpenSSH_9.6\x1b[2J\r\n")!;
    expect(banner.version).toBe("9.6");
    expect(banner.text).toBe("SSH-2.0-OpenSSH_9.6\\x1B[2J");
  });
});

describe("identifyBanner: SMTP and FTP (both say 220)", () => {
  it("reads Postfix and other named MTAs", () => {
    expect(short(25, "220 mail.example.com ESMTP Postfix (Debian/GNU)\r\n")).toEqual({ service: "smtp", product: "Postfix", version: null });
    expect(short(25, "220 mx.example.net ESMTP Exim 4.96 Mon, 11 Mar 2024 10:00:00 +0000\r\n")).toEqual({ service: "smtp", product: "Exim", version: "4.96" });
    expect(short(25, "220 EX01.corp.example Microsoft ESMTP MAIL Service ready at Mon, 11 Mar 2024 10:00:00 +0000\r\n")).toEqual({
      service: "smtp",
      product: "Microsoft ESMTP MAIL Service",
      version: null,
    });
    expect(short(25, "220 mail.example.org Microsoft ESMTP MAIL Service, Version: 10.0.17763.1697 ready\r\n")).toMatchObject({ version: "10.0.17763.1697" });
    expect(short(25, "220 mx.example.com ESMTP Sendmail 8.15.2/8.15.2; Mon, 11 Mar 2024\r\n")).toEqual({ service: "smtp", product: "Sendmail", version: "8.15.2" });
    expect(short(25, "220 mx.example.com ESMTP OpenSMTPD\r\n")).toEqual({ service: "smtp", product: "OpenSMTPD", version: null });
    expect(short(25, "220 mx.example.com ESMTP Haraka/3.0.3 ready\r\n")).toEqual({ service: "smtp", product: "Haraka", version: "3.0.3" });
  });

  it("says smtp without a product when none is named", () => {
    expect(short(587, "220 smtp.example.com ESMTP ready\r\n")).toEqual({ service: "smtp", product: null, version: null });
  });

  it("reads FTP servers", () => {
    expect(short(21, "220 (vsFTPd 3.0.5)\r\n")).toEqual({ service: "ftp", product: "vsFTPd", version: "3.0.5" });
    expect(short(21, "220 ProFTPD Server (Debian) [::ffff:203.0.113.5]\r\n")).toEqual({ service: "ftp", product: "ProFTPD", version: null });
    expect(short(21, "220 ProFTPD 1.3.5e Server (ProFTPD)\r\n")).toEqual({ service: "ftp", product: "ProFTPD", version: "1.3.5e" });
    expect(short(21, "220-FileZilla Server 1.8.0\r\n220 Please visit https://filezilla-project.org/\r\n")).toEqual({
      service: "ftp",
      product: "FileZilla Server",
      version: "1.8.0",
    });
    expect(short(21, "220---------- Welcome to Pure-FTPd [privsep] [TLS] ----------\r\n220-You are user number 1 of 50 allowed.\r\n")).toEqual({
      service: "ftp",
      product: "Pure-FTPd",
      version: null,
    });
    expect(short(21, "220 Microsoft FTP Service\r\n")).toEqual({ service: "ftp", product: "Microsoft FTP Service", version: null });
  });

  it("lets the words win over the port", () => {
    expect(short(21, "220 mail.example.com ESMTP Postfix\r\n")?.service).toBe("smtp");
    expect(short(25, "220 (vsFTPd 3.0.5)\r\n")?.service).toBe("ftp");
    expect(short(2121, "220 FTP server ready.\r\n")?.service).toBe("ftp");
  });

  it("does not take a host name for a word", () => {
    expect(short(2525, "220 ftp.example.com ESMTP Postfix\r\n")?.service).toBe("smtp");
    expect(short(8025, "220 smtp.example.com FTP server ready\r\n")?.service).toBe("ftp");
  });

  it("falls back to the port when the words say nothing, and to unknown without a port", () => {
    expect(short(21, "220 Welcome\r\n")).toEqual({ service: "ftp", product: null, version: null });
    expect(short(25, "220 Welcome\r\n")).toEqual({ service: "smtp", product: null, version: null });
    expect(short(9999, "220 Welcome\r\n")).toEqual({ service: "unknown", product: null, version: null });
  });

  it("recognises a refusal greeting too", () => {
    expect(short(25, "554 5.7.1 mail.example.com ESMTP not accepting connections\r\n")?.service).toBe("smtp");
    expect(short(21, "421 Too many connections (8) from this IP\r\n")?.service).toBe("ftp");
  });
});

describe("identifyBanner: POP3, IMAP, VNC, Telnet, TLS", () => {
  it("reads POP3 and IMAP greetings", () => {
    expect(short(110, "+OK Dovecot ready.\r\n")).toEqual({ service: "pop3", product: "Dovecot", version: null });
    expect(short(110, "+OK POP3 server ready <1896.697170952@dbc.mtview.ca.us>\r\n")).toEqual({ service: "pop3", product: null, version: null });
    expect(short(143, "* OK [CAPABILITY IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ STARTTLS AUTH=PLAIN] Dovecot ready.\r\n")).toEqual({
      service: "imap",
      product: "Dovecot",
      version: null,
    });
    expect(short(143, "* OK imap.example.org Cyrus IMAP v3.4.3 server ready\r\n")).toEqual({ service: "imap", product: "Cyrus", version: "3.4.3" });
    expect(short(143, "* OK The Microsoft Exchange IMAP4 service is ready.\r\n")).toEqual({ service: "imap", product: "Microsoft Exchange", version: null });
  });

  it("reads the RFB version of a VNC server", () => {
    expect(id(5900, "RFB 003.008\n")).toEqual({ service: "vnc", product: null, version: "3.8", text: "RFB 003.008" });
    expect(short(5900, "RFB 003.889\n")?.version).toBe("3.889");
  });

  it("recognises Telnet negotiation and keeps the prompt that follows", () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfd, 0x18, 0xff, 0xfd, 0x20, 0xff, 0xfb, 0x01]),
      Buffer.from([0xff, 0xfa, 0x18, 0x01, 0xff, 0xf0]),
      text("\r\nrouter login: "),
    ]);
    expect(id(23, bytes)).toEqual({ service: "telnet", product: null, version: null, text: "\nrouter login:" });
    expect(id(23, Buffer.from([0xff, 0xfb, 0x01]))).toEqual({ service: "telnet", product: null, version: null, text: "" });
  });

  it("names a TLS record where text was expected", () => {
    expect(short(8443, Buffer.from("15030300020228", "hex"))).toEqual({ service: "tls", product: null, version: null });
  });
});

describe("identifyBanner: MySQL and MariaDB", () => {
  it("reads a MySQL handshake", () => {
    expect(id(3306, mysqlHandshake("8.0.36"))).toEqual({ service: "mysql", product: "MySQL", version: "8.0.36", text: "8.0.36" });
  });

  it("reads a MariaDB handshake behind its 5.5.5- prefix", () => {
    expect(id(3306, mysqlHandshake("5.5.5-10.11.6-MariaDB-0+deb12u1"))).toEqual({
      service: "mysql",
      product: "MariaDB",
      version: "10.11.6",
      text: "5.5.5-10.11.6-MariaDB-0+deb12u1",
    });
  });

  it("reads the error a server sends to hosts it refuses", () => {
    const message = "Host '203.0.113.9' is not allowed to connect to this MySQL server";
    expect(id(3306, mysqlErrorPacket(1130, message))).toEqual({ service: "mysql", product: "MySQL", version: null, text: message });
  });
});

describe("identifyBanner: anything else", () => {
  it("returns null for nothing", () => {
    expect(identifyBanner(22, Buffer.alloc(0))).toBeNull();
  });

  it("calls unrecognised text or binary unknown, escaped", () => {
    expect(id(7777, "hello there\r\n")).toEqual({ service: "unknown", product: null, version: null, text: "hello there" });
    expect(id(7777, Buffer.from([0x00, 0x01, 0x9b, 0x41]))).toEqual({ service: "unknown", product: null, version: null, text: "\\x00\\x01\uFFFDA" });
  });

  it("never throws on any prefix of a real greeting", () => {
    const greetings = [
      mysqlHandshake("5.5.5-10.11.6-MariaDB-0+deb12u1"),
      mysqlErrorPacket(1130, "Host 'x' is not allowed to connect to this MariaDB server"),
      Buffer.from([0xff, 0xfa, 0x18, 0x01, 0xff]),
      text("SSH-2.0-OpenSSH_9.6p1\r\n"),
      text("220-FileZilla Server 1.8.0\r\n"),
    ];
    for (const greeting of greetings) {
      for (let end = 0; end <= greeting.length; end++) {
        const banner = identifyBanner(3306, greeting.subarray(0, end));
        if (end === 0) expect(banner).toBeNull();
        else expect(banner?.service).toBeTypeOf("string");
      }
    }
  });
});
