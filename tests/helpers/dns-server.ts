// A DNS server on 127.0.0.1 for tests: A, AAAA and CNAME records from a plain object, plus per-name
// misbehaviour (late, silent, SERVFAIL...). Answers over UDP and TCP on one port.
import { createSocket, type RemoteInfo } from "node:dgram";
import { once } from "node:events";
import { type AddressInfo, createServer, type Socket } from "node:net";
import dnsPacket, { type Answer, type Packet, type Question } from "dns-packet";

export type DnsRcode = "SERVFAIL" | "NXDOMAIN" | "REFUSED";

/** What one name holds and how the server behaves when asked about it. */
export interface DnsEntry {
  A?: string | string[];
  AAAA?: string | string[];
  /** The name is an alias: queries for A / AAAA get the CNAME chain plus the target's records. */
  CNAME?: string;
  /** TTL of this name's records; default 60. */
  ttl?: number;
  /** Answer this many ms late. */
  delayMs?: number;
  /** Never answer (the client times out). */
  silent?: boolean;
  /** Answer with this error code instead of records. */
  rcode?: DnsRcode;
}

/** Names (case-insensitive, with or without a trailing dot) to entries. Names not listed are NXDOMAIN. */
export type DnsZone = Record<string, DnsEntry>;

export interface DnsQueryLog {
  /** The name as asked, without the trailing dot. */
  name: string;
  type: string;
  transport: "udp" | "tcp";
}

export interface DnsServer {
  host: string;
  port: number;
  /** "127.0.0.1:PORT", for Resolver.setServers(). */
  address: string;
  /** Every query received, in order. */
  queries: DnsQueryLog[];
  /** Replaces the zone; later queries see the new one. */
  setZone(zone: DnsZone): void;
  close(): Promise<void>;
}

const HOST = "127.0.0.1";
// As a recursive server would give up on an alias loop.
const MAX_CHAIN = 16;

/** Starts a DNS server on 127.0.0.1, on a random port shared by UDP and TCP. */
export async function startDnsServer(zone: DnsZone = {}): Promise<DnsServer> {
  let entries = normalize(zone);
  const queries: DnsQueryLog[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const connections = new Set<Socket>();

  // Builds the response, or undefined when the server stays silent; calls back after any delay.
  const handle = (buffer: Buffer, transport: "udp" | "tcp", reply: (response: Buffer) => void) => {
    let query: Packet;
    try {
      query = dnsPacket.decode(buffer);
    } catch {
      return; // Not DNS: a real server drops it too.
    }
    const question = query.questions?.[0];
    if (question) queries.push({ name: question.name, type: question.type, transport });
    const result = question ? resolve(entries, question) : { answers: [], rcode: "FORMERR", delayMs: 0, silent: false };
    if (result.silent) return;
    const response = dnsPacket.encode({
      id: query.id,
      type: "response",
      flags:
        dnsPacket.AUTHORITATIVE_ANSWER |
        ((query.flags ?? 0) & dnsPacket.RECURSION_DESIRED) |
        dnsPacket.RECURSION_AVAILABLE |
        RCODES[result.rcode]!,
      questions: query.questions,
      answers: result.answers,
    });
    if (result.delayMs <= 0) return reply(response);
    const timer = setTimeout(() => {
      timers.delete(timer);
      reply(response);
    }, result.delayMs);
    timers.add(timer);
  };

  const { udp, tcp } = await bindBoth();

  udp.on("message", (message: Buffer, from: RemoteInfo) => {
    handle(message, "udp", (response) => udp.send(response, from.port, from.address, () => {}));
  });

  tcp.on("connection", (socket) => {
    connections.add(socket);
    socket.on("close", () => connections.delete(socket));
    socket.on("error", () => {});
    let pending = Buffer.alloc(0);
    socket.on("data", (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      // Each message is prefixed with its 2-byte length (RFC 1035 4.2.2); several may share a segment.
      while (pending.length >= 2 && pending.length >= 2 + pending.readUInt16BE(0)) {
        const length = pending.readUInt16BE(0);
        const message = pending.subarray(2, 2 + length);
        pending = pending.subarray(2 + length);
        handle(message, "tcp", (response) => {
          if (socket.destroyed) return;
          const prefix = Buffer.alloc(2);
          prefix.writeUInt16BE(response.length);
          socket.write(Buffer.concat([prefix, response]));
        });
      }
    });
  });

  const port = (udp.address() as AddressInfo).port;
  return {
    host: HOST,
    port,
    address: `${HOST}:${port}`,
    queries,
    setZone: (next) => {
      entries = normalize(next);
    },
    close: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      for (const socket of connections) socket.destroy();
      await Promise.all([
        new Promise<void>((resolve) => udp.close(() => resolve())),
        new Promise<void>((resolve) => tcp.close(() => resolve())),
      ]);
    },
  };
}

const RCODES: Record<string, number> = { NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5 };

interface Resolution {
  answers: Answer[];
  rcode: string;
  delayMs: number;
  silent: boolean;
}

/**
 * Follows CNAMEs as a recursive server would: the chain goes in the answer, then the final name's records
 * of the asked type. Every hop's behaviour counts (delays add up, one silent or failing name spoils the
 * answer), since a real resolver would have asked each name's server in turn.
 */
function resolve(entries: Map<string, DnsEntry>, question: Question): Resolution {
  const answers: Answer[] = [];
  let delayMs = 0;
  // The first records carry the name exactly as asked: resolvers match answers to the question.
  let owner = question.name;
  const seen = new Set<string>();
  for (let hop = 0; hop < MAX_CHAIN; hop++) {
    const key = canonical(owner);
    const entry = entries.get(key);
    if (!entry) return { answers, rcode: "NXDOMAIN", delayMs, silent: false };
    delayMs += entry.delayMs ?? 0;
    if (entry.silent) return { answers, rcode: "NOERROR", delayMs, silent: true };
    if (entry.rcode) return { answers, rcode: entry.rcode, delayMs, silent: false };
    const ttl = entry.ttl ?? 60;
    if (entry.CNAME !== undefined && question.type !== "CNAME") {
      if (seen.has(key)) break;
      seen.add(key);
      const target = entry.CNAME.replace(/\.$/, "");
      answers.push({ name: owner, type: "CNAME", class: "IN", ttl, data: target });
      owner = target;
      continue;
    }
    if (question.type === "CNAME" && entry.CNAME !== undefined) {
      answers.push({ name: owner, type: "CNAME", class: "IN", ttl, data: entry.CNAME.replace(/\.$/, "") });
    } else if (question.type === "A" || question.type === "AAAA") {
      for (const address of [entry[question.type] ?? []].flat()) {
        answers.push({ name: owner, type: question.type, class: "IN", ttl, data: address });
      }
    }
    // Any other type, or a type the name lacks: NOERROR with no records (NODATA).
    return { answers, rcode: "NOERROR", delayMs, silent: false };
  }
  return { answers: [], rcode: "SERVFAIL", delayMs, silent: false };
}

function canonical(name: string): string {
  return name.replace(/\.$/, "").toLowerCase();
}

function normalize(zone: DnsZone): Map<string, DnsEntry> {
  return new Map(Object.entries(zone).map(([name, entry]) => [canonical(name), entry]));
}

/** Binds UDP to a random port, then TCP to the same one; retries if TCP finds that port taken. */
async function bindBoth() {
  for (let attempt = 0; ; attempt++) {
    const udp = createSocket("udp4");
    udp.bind(0, HOST);
    await once(udp, "listening");
    const port = (udp.address() as AddressInfo).port;
    const tcp = createServer();
    try {
      tcp.listen(port, HOST);
      await once(tcp, "listening");
      return { udp, tcp };
    } catch (error) {
      udp.close();
      if ((error as NodeJS.ErrnoException).code !== "EADDRINUSE" || attempt >= 20) throw error;
    }
  }
}
