// The other STARTTLS protocols a checker speaks: vsftpd's FTP (RFC 4217 AUTH TLS) and an XMPP server requiring STARTTLS (RFC 6120 §5).
import { randomBytes } from "node:crypto";
import { lineSession, textSession, viaOf } from "./session";
import type { TcpServer } from "./types";

export const ftp: TcpServer = (context) => (socket) => {
  const session = lineSession(socket, context, "ftp", (line, session) => {
    const [verb = "", argument = ""] = line.trim().split(/\s+/);
    switch (verb.toUpperCase()) {
      case "AUTH":
        if (!["TLS", "SSL", "TLS-C"].includes(argument.toUpperCase())) return session.write("504 Unknown AUTH type.\r\n");
        if (session.secure) return session.write("534 Already using TLS.\r\n");
        session.write("234 Proceed with negotiation.\r\n");
        return session.startTls();
      case "FEAT":
        return session.write("211-Features:\r\n AUTH TLS\r\n EPRT\r\n EPSV\r\n MDTM\r\n PASV\r\n PBSZ\r\n PROT\r\n REST STREAM\r\n SIZE\r\n TVFS\r\n UTF8\r\n211 End\r\n");
      case "PBSZ":
        return session.write(session.secure ? "200 PBSZ set to 0.\r\n" : "503 PBSZ needs a secure connection.\r\n");
      case "PROT":
        return session.write(session.secure ? "200 PROT now Private.\r\n" : "503 PROT needs a secure connection.\r\n");
      case "USER":
        return session.write("331 Please specify the password.\r\n");
      case "PASS":
        return session.write("530 Login incorrect.\r\n");
      case "SYST":
        return session.write("215 UNIX Type: L8\r\n");
      case "NOOP":
        return session.write("200 NOOP ok.\r\n");
      case "QUIT":
        return session.end("221 Goodbye.\r\n");
      default:
        return session.write("530 Please login with USER and PASS.\r\n");
    }
  });
  session.write("220 (vsFTPd 3.0.5)\r\n");
};

const STREAMS_NS = "http://etherx.jabber.org/streams";
const TLS_NS = "urn:ietf:params:xml:ns:xmpp-tls";
const SASL_NS = "urn:ietf:params:xml:ns:xmpp-sasl";

function attribute(tag: string, name: string): string | null {
  return new RegExp(`\\s${name}\\s*=\\s*(?:'([^']*)'|"([^"]*)")`).exec(tag)?.slice(1).find((value) => value !== undefined) ?? null;
}

export const xmpp: TcpServer = (context) => (socket) => {
  const via = viaOf(socket);
  let buffer = "";
  let secure = false;
  textSession(socket, context, "xmpp", (text, session) => {
    // The stream restarts after TLS (RFC 6120 §5.4.3.3): nothing sent in plaintext carries over.
    if (session.secure !== secure) {
      secure = session.secure;
      buffer = "";
    }
    buffer += text;
    for (;;) {
      const header = /<stream:stream\b[^>]*>/.exec(buffer);
      if (header) {
        buffer = buffer.slice(header.index + header[0].length);
        const to = attribute(header[0], "to");
        if (!session.secure) context.emit({ event: "xmpp", to }, via);
        const namespace = attribute(header[0], "xmlns") ?? "jabber:client";
        const features = session.secure
          ? `<mechanisms xmlns='${SASL_NS}'><mechanism>SCRAM-SHA-1</mechanism><mechanism>PLAIN</mechanism></mechanisms>`
          : `<starttls xmlns='${TLS_NS}'><required/></starttls>`;
        session.write(
          `<?xml version='1.0'?><stream:stream xmlns='${namespace}' xmlns:stream='${STREAMS_NS}' id='${randomBytes(8).toString("hex")}' ` +
            `from='${to ?? "portcheck-test.net"}' version='1.0' xml:lang='en'><stream:features>${features}</stream:features>`,
        );
        continue;
      }
      if (!session.secure && /<starttls\b[^>]*>/.test(buffer)) {
        buffer = "";
        session.write(`<proceed xmlns='${TLS_NS}'/>`);
        return session.startTls();
      }
      if (buffer.includes("</stream:stream>")) return session.end("</stream:stream>");
      if (buffer.length > 64 * 1024) return session.end();
      return;
    }
  });
};
