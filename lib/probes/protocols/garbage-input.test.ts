// Every parser in this folder, fed random bytes (some behind a valid-looking prefix to get past the
// first checks): none may throw, and whatever banner comes out must carry only sanitised text.
import { describe, expect, it } from "vitest";
import { a2sChallenge, parseA2sInfo } from "./a2s-info";
import type { Banner } from "./banner";
import { parseDnsReply } from "./dns-query";
import { parseHttpResponse } from "./http-head";
import { identifyBanner } from "./identify-banner";
import { parseMinecraftStatus } from "./minecraft-status";
import { parseMysqlGreeting } from "./mysql-greeting";
import { parseNtpReply } from "./ntp-request";
import { parsePostgresReply } from "./postgres-ssl-request";
import { parseVersionNegotiation } from "./quic-version-negotiation";
import { parseRaknetPong, RAKNET_MAGIC } from "./raknet-ping";
import { parseRedisReply } from "./redis-ping";
import { parseStunResponse } from "./stun-binding";
import { udpPayloadFor } from "./udp-payloads";

const UNSAFE = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const ZERO8 = Buffer.alloc(8);
const ZERO12 = Buffer.alloc(12);

const PREFIXES = [
  Buffer.alloc(0),
  Buffer.from("SSH-2.0-"),
  Buffer.from("220 "),
  Buffer.from("HTTP/1.1 200 OK\r\nServer: "),
  Buffer.from("+OK "),
  Buffer.from([0x40, 0x00, 0x00, 0x00, 0x0a, 0x38, 0x2e]),
  Buffer.from([0x40, 0x00, 0x00, 0x00, 0xff, 0x6a, 0x04]),
  Buffer.from([0xff, 0xfb]),
  Buffer.from("E\x00\x00\x00\x40S"),
  Buffer.from([0x7f, 0x00, 0x7d, 0x7b]),
  Buffer.from("ffffffff49", "hex"),
  Buffer.concat([Buffer.from("ffffffff4911", "hex"), Buffer.from("name\0map\0dir\0game\0")]),
  Buffer.concat([Buffer.from([0x1c]), ZERO8, ZERO8, RAKNET_MAGIC]),
  Buffer.concat([Buffer.from("0101", "hex"), Buffer.from([0, 0x40]), Buffer.from("2112a442", "hex"), ZERO12]),
  Buffer.from([0x80, 0, 0, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0]),
  Buffer.from([0x00, 0x00, 0x80, 0x00]),
];

/** A small deterministic generator, so a failure can be replayed. */
function generator(seed: number): (max: number) => number {
  let state = seed >>> 0;
  return (max) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % max;
  };
}

function parseAll(bytes: Buffer): (Banner | null | undefined)[] {
  const udp = [53, 123, 443, 3478, 19132, 27015, 9].map((port) => {
    const payload = udpPayloadFor(port, (size) => Buffer.alloc(size)); // zero ids, so the prefixes above match
    payload.build();
    return payload.parse(bytes);
  });
  a2sChallenge(bytes);
  return [
    identifyBanner(22, bytes),
    identifyBanner(25, bytes),
    parseMysqlGreeting(bytes),
    parseHttpResponse(bytes),
    parseRedisReply(bytes),
    parsePostgresReply(bytes),
    parseMinecraftStatus(bytes).banner,
    parseDnsReply(bytes, 0),
    parseNtpReply(bytes, ZERO8),
    parseStunResponse(bytes, ZERO12),
    parseRaknetPong(bytes),
    parseVersionNegotiation(bytes, ZERO8),
    parseA2sInfo(bytes),
    ...udp,
  ];
}

function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (value && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}

describe("every parser on garbage", () => {
  it("never throws and never lets an unsafe character through", () => {
    const random = generator(20240311);
    for (let round = 0; round < 3000; round++) {
      const prefix = PREFIXES[round % PREFIXES.length]!;
      const tail = Buffer.from(Array.from({ length: random(160) }, () => random(256)));
      const bytes = Buffer.concat([prefix, tail]);
      const banners = parseAll(bytes);
      for (const text of strings(banners)) expect(text, bytes.toString("hex")).not.toMatch(UNSAFE);
    }
  });
});
