// Which mail or file server software a text greeting names, and its version where it says it.
// The patterns only capture digits and dots, so what they return needs no further cleaning.

export interface ProductMatch {
  product: string;
  version: string | null;
}

interface Rule {
  /** Capture group 1, when present, is the version. */
  pattern: RegExp;
  product: string;
}

const VERSION = String.raw`v?(\d+(?:\.\d+)+[a-z]?)`;
const rule = (product: string, source: string): Rule => ({ product, pattern: new RegExp(source, "i") });

const SMTP_RULES: Rule[] = [
  rule("Postfix", String.raw`\bPostfix\b`),
  rule("Exim", String.raw`\bExim\b(?:\s+${VERSION})?`),
  rule("Microsoft ESMTP MAIL Service", String.raw`\bMicrosoft ESMTP MAIL Service\b(?:,\s*Version:\s*${VERSION})?`),
  rule("Sendmail", String.raw`\bSendmail\b(?:\s+${VERSION})?`),
  rule("OpenSMTPD", String.raw`\bOpenSMTPD\b`),
  rule("Haraka", String.raw`\bHaraka\b(?:[/\s]${VERSION})?`),
  rule("hMailServer", String.raw`\bhMailServer\b(?:\s+${VERSION})?`),
  rule("MDaemon", String.raw`\bMDaemon\b(?:\s+(?:ESMTP\s+)?${VERSION})?`),
  rule("CommuniGate Pro", String.raw`\bCommuniGate Pro\b(?:\s+${VERSION})?`),
  rule("qmail", String.raw`\bqmail\b`),
];

const FTP_RULES: Rule[] = [
  rule("vsFTPd", String.raw`\bvsFTPd\b(?:\s+${VERSION})?`),
  rule("ProFTPD", String.raw`\bProFTPD\b(?:\s+${VERSION})?`),
  rule("FileZilla Server", String.raw`\bFileZilla Server\b(?:\s+(?:version\s+)?${VERSION})?`),
  rule("Pure-FTPd", String.raw`\bPure-FTPd\b`),
  rule("Microsoft FTP Service", String.raw`\bMicrosoft FTP Service\b`),
  rule("Serv-U", String.raw`\bServ-U\b(?:\s+FTP Server)?(?:\s+${VERSION})?`),
  rule("wu-ftpd", String.raw`\bwu-${VERSION}`),
];

const MAILBOX_RULES: Rule[] = [
  rule("Dovecot", String.raw`\bDovecot\b`),
  rule("Cyrus", String.raw`\bCyrus\b(?:\s+(?:IMAP|POP3)\d?)?(?:\s+${VERSION})?`),
  rule("Courier", String.raw`\bCourier-(?:IMAP|POP3)\b`),
  rule("Microsoft Exchange", String.raw`\bMicrosoft Exchange\b`),
  rule("Qpopper", String.raw`\bQpopper\b(?:\s+\(version\s+${VERSION}\))?`),
  rule("Zimbra", String.raw`\bZimbra\b`),
];

function firstMatch(rules: readonly Rule[], text: string): ProductMatch | null {
  for (const { pattern, product } of rules) {
    const match = pattern.exec(text);
    if (match) return { product, version: match[1] ?? null };
  }
  return null;
}

export const smtpProduct = (text: string) => firstMatch(SMTP_RULES, text);
export const ftpProduct = (text: string) => firstMatch(FTP_RULES, text);
/** POP3 and IMAP servers: the same few programs serve both. */
export const mailboxProduct = (text: string) => firstMatch(MAILBOX_RULES, text);
