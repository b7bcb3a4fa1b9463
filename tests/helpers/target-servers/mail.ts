// Mail daemons as a probe sees them: Postfix ESMTP (RFC 5321, STARTTLS per RFC 3207), Dovecot POP3 (RFC 2595 STLS) and IMAP (RFC 9051).
import { lineSession } from "./session";
import type { TcpServer } from "./types";

const SMTP_HOSTNAME = "mail.portcheck-test.net";

export const smtp: TcpServer = (context) => (socket) => {
  const offersTls = context.spec.starttls !== false;
  const session = lineSession(socket, context, "smtp", (line, session) => {
    const [verb = "", ...args] = line.trim().split(/\s+/);
    switch (verb.toUpperCase()) {
      case "EHLO": {
        if (!args.length) return session.write("501 Syntax: EHLO hostname\r\n");
        const extensions = ["PIPELINING", "SIZE 10240000", "VRFY", "ETRN", ...(offersTls && !session.secure ? ["STARTTLS"] : [])];
        extensions.push("ENHANCEDSTATUSCODES", "8BITMIME", "DSN", "SMTPUTF8", "CHUNKING");
        const lines = [SMTP_HOSTNAME, ...extensions];
        return session.write(lines.map((text, index) => `250${index === lines.length - 1 ? " " : "-"}${text}\r\n`).join(""));
      }
      case "HELO":
        return session.write(args.length ? `250 ${SMTP_HOSTNAME}\r\n` : "501 Syntax: HELO hostname\r\n");
      case "STARTTLS":
        if (!offersTls) return session.write("502 5.5.1 Error: command not implemented\r\n");
        if (session.secure) return session.write("554 5.5.1 Error: TLS already active\r\n");
        session.write("220 2.0.0 Ready to start TLS\r\n");
        return session.startTls();
      case "NOOP":
      case "RSET":
        return session.write("250 2.0.0 Ok\r\n");
      case "QUIT":
        return session.end("221 2.0.0 Bye\r\n");
      default:
        return session.write("502 5.5.2 Error: command not recognized\r\n");
    }
  });
  session.write(`220 ${SMTP_HOSTNAME} ESMTP Postfix (Debian/GNU)\r\n`);
};

export const pop3: TcpServer = (context) => (socket) => {
  const session = lineSession(socket, context, "pop3", (line, session) => {
    const verb = line.trim().split(/\s+/)[0]?.toUpperCase();
    switch (verb) {
      case "CAPA": {
        const capabilities = ["CAPA", "TOP", "UIDL", "RESP-CODES", "PIPELINING", "AUTH-RESP-CODE", ...(session.secure ? [] : ["STLS"]), "USER", "SASL PLAIN"];
        return session.write(`+OK\r\n${capabilities.join("\r\n")}\r\n.\r\n`);
      }
      case "STLS":
        if (session.secure) return session.write("-ERR TLS is already active.\r\n");
        session.write("+OK Begin TLS negotiation now.\r\n");
        return session.startTls();
      case "NOOP":
        return session.write("+OK\r\n");
      case "QUIT":
        return session.end("+OK Logging out.\r\n");
      default:
        return session.write("-ERR Unknown command.\r\n");
    }
  });
  session.write("+OK Dovecot ready.\r\n");
};

export const imap: TcpServer = (context) => (socket) => {
  const session = lineSession(socket, context, "imap", (line, session) => {
    const [tag = "", command = ""] = line.trim().split(/\s+/);
    if (!tag) return;
    if (!command) return session.write(`${tag} BAD Error in IMAP command received by server.\r\n`);
    switch (command.toUpperCase()) {
      case "CAPABILITY": {
        const capabilities = session.secure ? "IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ AUTH=PLAIN" : "IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE LITERAL+ STARTTLS LOGINDISABLED";
        return session.write(`* CAPABILITY ${capabilities}\r\n${tag} OK Pre-login capabilities listed, post-login capabilities have more.\r\n`);
      }
      case "STARTTLS":
        if (session.secure) return session.write(`${tag} BAD TLS is already active.\r\n`);
        session.write(`${tag} OK Begin TLS negotiation now.\r\n`);
        return session.startTls();
      case "NOOP":
        return session.write(`${tag} OK NOOP completed.\r\n`);
      case "LOGOUT":
        return session.end(`* BYE Logging out\r\n${tag} OK Logout completed.\r\n`);
      default:
        return session.write(`${tag} BAD Error in IMAP command received by server.\r\n`);
    }
  });
  session.write("* OK [CAPABILITY IMAP4rev1 STARTTLS LOGINDISABLED] Dovecot ready.\r\n");
};
