// STARTTLS: the plaintext dialogs that upgrade a connection to TLS, one per protocol, each a few lines
// and bounded by the conversation's deadline. A server that does not offer the upgrade is reported.
import type { StreamReader } from "./stream-reader";

export interface UpgradeOutcome {
  /** What the server said first (its greeting), for the banner. */
  greeting: Buffer;
  /** The server agreed: start the TLS handshake now. */
  ready: boolean;
  /** Why not, in words, when not ready. */
  error: string | null;
}

export type UpgradeDialog = (reader: StreamReader, context: { name: string; deadline: number }) => Promise<UpgradeOutcome>;

/** "250-..." lines continue a reply, "250 ..." ends it (SMTP and FTP). */
const finalReplyLine = (line: string) => /^\d{3}(?: |$)/.test(line);

function lastLine(buffer: Buffer): string {
  const lines = buffer.toString("latin1").split("\n").map((line) => line.replace(/\r$/, "")).filter(Boolean);
  return lines.at(-1) ?? "";
}

function refused(greeting: Buffer, error: string): UpgradeOutcome {
  return { greeting, ready: false, error };
}

const smtp: UpgradeDialog = async (reader, { deadline }) => {
  if (!(await reader.waitForLine(deadline, finalReplyLine))) return refused(reader.buffer, "The server sent no SMTP greeting in time.");
  const greeting = reader.consume();
  if (!lastLine(greeting).startsWith("220")) return refused(greeting, `The server did not greet with 220: ${lastLine(greeting).slice(0, 120)}`);
  reader.write("EHLO portcheck\r\n");
  if (!(await reader.waitForLine(deadline, finalReplyLine))) return refused(greeting, "The server did not answer EHLO in time.");
  const ehlo = reader.consume().toString("latin1");
  if (!/^250[- ]STARTTLS\b/im.test(ehlo)) return refused(greeting, "The server does not offer STARTTLS: mail to it travels unencrypted.");
  reader.write("STARTTLS\r\n");
  if (!(await reader.waitForLine(deadline, finalReplyLine))) return refused(greeting, "The server did not answer STARTTLS in time.");
  const answer = lastLine(reader.consume());
  return answer.startsWith("220") ? { greeting, ready: true, error: null } : refused(greeting, `The server refused STARTTLS: ${answer.slice(0, 120)}`);
};

const ftp: UpgradeDialog = async (reader, { deadline }) => {
  if (!(await reader.waitForLine(deadline, finalReplyLine))) return refused(reader.buffer, "The server sent no FTP greeting in time.");
  const greeting = reader.consume();
  reader.write("AUTH TLS\r\n");
  if (!(await reader.waitForLine(deadline, finalReplyLine))) return refused(greeting, "The server did not answer AUTH TLS in time.");
  const answer = lastLine(reader.consume());
  return answer.startsWith("234") ? { greeting, ready: true, error: null } : refused(greeting, `The server does not offer TLS (AUTH TLS: ${answer.slice(0, 120)}).`);
};

const pop3: UpgradeDialog = async (reader, { deadline }) => {
  if (!(await reader.waitForLine(deadline))) return refused(reader.buffer, "The server sent no POP3 greeting in time.");
  const greeting = reader.consume();
  reader.write("STLS\r\n");
  if (!(await reader.waitForLine(deadline))) return refused(greeting, "The server did not answer STLS in time.");
  const answer = lastLine(reader.consume());
  return answer.startsWith("+OK") ? { greeting, ready: true, error: null } : refused(greeting, `The server does not offer STLS: ${answer.slice(0, 120)}`);
};

const imap: UpgradeDialog = async (reader, { deadline }) => {
  if (!(await reader.waitForLine(deadline))) return refused(reader.buffer, "The server sent no IMAP greeting in time.");
  const greeting = reader.consume();
  reader.write("pc1 STARTTLS\r\n");
  if (!(await reader.waitForLine(deadline, (line) => line.startsWith("pc1 ")))) return refused(greeting, "The server did not answer STARTTLS in time.");
  const answer = reader.consume().toString("latin1").split("\n").find((line) => line.startsWith("pc1 ")) ?? "";
  return /^pc1 OK/i.test(answer) ? { greeting, ready: true, error: null } : refused(greeting, `The server refused STARTTLS: ${answer.trim().slice(0, 120)}`);
};

const xmpp: UpgradeDialog = async (reader, { name, deadline }) => {
  const to = name.replace(/[^a-zA-Z0-9.:-]/g, "");
  reader.write(`<?xml version='1.0'?><stream:stream to='${to}' xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>`);
  const featured = await reader.waitFor((buffer) => buffer.includes("</stream:features>") || buffer.includes("<stream:features/>") || buffer.includes("</stream:stream>"), deadline);
  const greeting = reader.consume();
  if (!featured) return refused(greeting, "The server sent no XMPP stream features in time.");
  if (!greeting.includes("urn:ietf:params:xml:ns:xmpp-tls")) return refused(greeting, "The server does not offer STARTTLS.");
  reader.write("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>");
  if (!(await reader.waitFor((buffer) => buffer.includes("<proceed") || buffer.includes("<failure"), deadline))) return refused(greeting, "The server did not answer STARTTLS in time.");
  return reader.consume().includes("<proceed") ? { greeting, ready: true, error: null } : refused(greeting, "The server refused STARTTLS.");
};

/** The ports where TLS is reached through an upgrade, by default ("tls": "auto") or when asked. */
export const UPGRADE_DIALOGS: Readonly<Record<number, UpgradeDialog>> = { 21: ftp, 25: smtp, 110: pop3, 143: imap, 587: smtp, 5222: xmpp };
