// After an open verdict: TLS (implicit or STARTTLS), then what answered (the greeting, or a polite
// request where the client speaks first), the ownership token, and a monitor's send/expect. Bounded in
// time and bytes; it never changes the verdict, only adds facts to it. Ends with a polite close.
import type { Socket } from "node:net";
import { askerFor, httpAsker, readLimitFor } from "./client-first";
import type { AskFirst } from "./protocols/ask-first";
import { identifyBanner } from "./protocols/identify-banner";
import { UPGRADE_DIALOGS } from "./starttls";
import { StreamReader } from "./stream-reader";
import { closePolitely } from "./close-politely";
import { handshake, tlsFailure } from "./tls-handshake";
import type { Banner, ProbeOptions, ProbeTarget, TlsInfo, TlsMode, Verdict } from "./types";

/** The whole conversation (TLS handshake included) ends within this. */
export const CONVERSATION_MS = 3000;
/** How long a server that speaks first gets to say something before we ask. */
const GREETING_MS = 1200;
/** Before a TLS handshake forced on an unusual port: long enough for a greeting to show. */
const SPEAKS_FIRST_MS = 250;

/** Implicit TLS by default: HTTPS, SMTPS, LDAPS, DNS over TLS, IMAPS, POP3S, SIP-TLS, IRC over TLS. */
export const IMPLICIT_TLS_PORTS: ReadonlySet<number> = new Set([443, 465, 636, 853, 993, 995, 5061, 6697, 8443]);

export function tlsPlan(port: number, mode: TlsMode = "auto"): "implicit" | "starttls" | null {
  if (mode === "off") return null;
  if (UPGRADE_DIALOGS[port]) return "starttls";
  if (mode === "on" || IMPLICIT_TLS_PORTS.has(port)) return "implicit";
  return null;
}

export function wantsConversation(target: ProbeTarget, options: ProbeOptions): boolean {
  return options.banner !== false || tlsPlan(target.port, options.tls) !== null || !!options.verifyToken || !!options.send || !!options.expectReply;
}

type Facts = Pick<Verdict, "tls" | "banner" | "verified" | "replyMatched">;

export async function converse(socket: Socket, target: ProbeTarget, options: ProbeOptions): Promise<Facts> {
  const deadline = performance.now() + CONVERSATION_MS;
  const name = target.hostname ?? target.address;
  const plan = tlsPlan(target.port, options.tls);
  const maxBytes = readLimitFor(target.port);
  let stream: Socket = socket;
  let reader = new StreamReader(socket, maxBytes);
  let tls: TlsInfo | null = null;
  let greeting: Buffer = Buffer.alloc(0);
  const onAbort = () => socket.destroy();
  options.signal?.addEventListener("abort", onAbort, { once: true });
  try {
    if (plan) {
      if (plan === "starttls") {
        const outcome = await UPGRADE_DIALOGS[target.port]!(reader, { name, deadline });
        greeting = outcome.greeting;
        if (!outcome.ready) tls = tlsFailure(outcome.error ?? "The server did not agree to STARTTLS.", true);
      }
      if (!tls && plan === "implicit" && !IMPLICIT_TLS_PORTS.has(target.port)) {
        // TLS forced on a port of unknown purpose: a TLS server never speaks first, so a greeting means
        // it is something else (SSH, SMTP...), and that greeting is worth more than a failed handshake.
        if (await reader.waitFor((buffer) => buffer.length > 0, Math.min(deadline, performance.now() + SPEAKS_FIRST_MS))) {
          await reader.waitFor((buffer) => buffer.includes(0x0a), Math.min(deadline, performance.now() + 200));
          greeting = reader.consume();
          tls = tlsFailure("The server spoke first, so it does not speak TLS on this port.", false);
        }
      }
      if (!tls) {
        reader.detach();
        const alpn = askerFor(target.port, name)?.name === "http" ? ["http/1.1"] : undefined;
        const result = await handshake(socket, { name, deadline, alpn, starttls: plan === "starttls" });
        tls = result.info;
        if (!result.tlsSocket) {
          socket.destroy();
          return finalFacts({ tls, banner: identifyBanner(target.port, greeting) }, greeting, options);
        }
        stream = result.tlsSocket;
        reader = new StreamReader(stream, maxBytes);
      }
    }
    let banner = greeting.length ? identifyBanner(target.port, greeting) : null;
    let replyMatched: boolean | undefined;
    if (options.send || options.expectReply) {
      replyMatched = await sendAndExpect(reader, options, deadline);
      banner = identifyBanner(target.port, Buffer.concat([greeting, reader.buffer]));
    } else if (!banner || options.verifyToken) {
      banner = (await askWhatAnswered(reader, target, name, !!options.verifyToken, deadline)) ?? banner;
    }
    return finalFacts({ tls, banner, replyMatched }, Buffer.concat([greeting, reader.buffer]), options);
  } finally {
    options.signal?.removeEventListener("abort", onAbort);
    reader.detach();
    closePolitely(stream);
  }
}

function finalFacts(facts: Facts, heard: Buffer, options: ProbeOptions): Facts {
  const result: Facts = { tls: facts.tls ?? null, banner: facts.banner ?? null };
  if (facts.replyMatched !== undefined) result.replyMatched = facts.replyMatched;
  else if (options.expectReply) result.replyMatched = false;
  if (options.verifyToken) result.verified = heard.toString("latin1").includes(options.verifyToken);
  return result;
}

/** Waits briefly for a greeting (a server such as SMTP must speak first), sends the payload, then reads until the pattern shows. */
async function sendAndExpect(reader: StreamReader, options: ProbeOptions, deadline: number): Promise<boolean | undefined> {
  const pattern = options.expectReply;
  if (options.send) {
    await reader.waitFor((buffer) => buffer.length > 0, Math.min(deadline, performance.now() + 300));
    reader.write(options.send);
  }
  const matched = await reader.waitFor((buffer) => (pattern ? buffer.toString("latin1").includes(pattern) : buffer.length > 0), deadline);
  return pattern ? matched : undefined;
}

/**
 * The greeting, or what the port says when asked politely. Ports where the client speaks first are asked
 * at once, unless an ownership token is expected (a listener sends it unasked); others get a moment to
 * speak, then an HTTP HEAD, the most common thing behind an unknown port.
 */
async function askWhatAnswered(reader: StreamReader, target: ProbeTarget, name: string, listenFirst: boolean, deadline: number): Promise<Banner | null> {
  const asker = askerFor(target.port, name);
  if (asker && !listenFirst) return ask(reader, asker, target, deadline);
  const spoke = await reader.waitFor((buffer) => buffer.length > 0, Math.min(deadline, performance.now() + GREETING_MS));
  if (spoke) {
    // A greeting usually comes in one segment; give a slow one a moment to finish its line.
    await reader.waitFor((buffer) => buffer.includes(0x0a) || buffer.length >= 64, Math.min(deadline, performance.now() + 200));
    return identifyBanner(target.port, reader.buffer);
  }
  if (reader.ended) return null;
  return ask(reader, asker ?? httpAsker(name, target.port), target, deadline);
}

async function ask(reader: StreamReader, asker: AskFirst, target: ProbeTarget, deadline: number): Promise<Banner | null> {
  reader.write(asker.request);
  await reader.waitFor((buffer) => asker.parse(buffer).complete, deadline);
  const heard = reader.buffer;
  if (heard.length === 0) return null;
  return asker.parse(heard).banner ?? identifyBanner(target.port, heard);
}
