// What to send to a UDP port so that a service behind it answers, and how to read the answer.
// UDP has no handshake: silence proves nothing, so a port counts as open only when something replies.
//
// No payload here can amplify. Every request is small (QUIC's is padded to 1200 bytes because
// servers ignore less, and its Version Negotiation reply is smaller), and none asks for a large
// answer: there is no DNS ANY query and no EDNS, no NTP mode 6 or 7 (monlist), no SSDP, Memcached,
// chargen or similar reflection vector. Replies come back to us, never to a third party.
import { randomBytes } from "node:crypto";
import { a2sChallenge, a2sInfoRequest, parseA2sInfo } from "./a2s-info";
import type { Banner } from "./banner";
import { dnsQuery, parseDnsReply } from "./dns-query";
import { ntpRequest, parseNtpReply } from "./ntp-request";
import { greaseQuicVersion, parseVersionNegotiation, quicVersionProbe } from "./quic-version-negotiation";
import { parseRaknetPong, raknetUnconnectedPing } from "./raknet-ping";
import { bannerText } from "./sanitize-text";
import { parseStunResponse, stunBindingRequest } from "./stun-binding";

export interface UdpPayload {
  name: string;
  /** The datagram to send. Call it once per probe: it picks the id that parse then expects back. */
  build(): Buffer;
  /**
   * A banner when the reply answers this probe's request; null when it does not (wrong id,
   * another protocol, garbage). A datagram that parses to null still came from the port:
   * the caller decides what that means.
   */
  parse(reply: Buffer): Banner | null;
  /** The one request worth sending again after this reply (A2S's challenge); null for none. */
  followUp?(reply: Buffer): Buffer | null;
}

export type RandomBytes = (size: number) => Buffer;

/**
 * A fresh payload for one probe of this port: ids and transaction ids live in the returned object,
 * so each probe needs its own. random is replaceable so that tests can pin the bytes.
 */
export function udpPayloadFor(port: number, random: RandomBytes = randomBytes): UdpPayload {
  switch (port) {
    case 53:
      return dns(random);
    case 123:
      return ntp(random);
    case 443:
      return quic(random);
    case 3478:
      return stun(random);
    case 19132:
    case 19133:
      return bedrock(random);
    case 27015:
      return sourceEngine();
    default:
      return {
        name: "empty",
        build: () => Buffer.alloc(0),
        // Even an empty datagram back is an answer.
        parse: (reply) => ({ service: "unknown", product: null, version: null, text: bannerText(reply) }),
      };
  }
}

function dns(random: RandomBytes): UdpPayload {
  let id = -1;
  return {
    name: "dns",
    build: () => dnsQuery((id = random(2).readUInt16BE(0))),
    parse: (reply) => (id < 0 ? null : parseDnsReply(reply, id)),
  };
}

function ntp(random: RandomBytes): UdpPayload {
  let transmit: Buffer | null = null;
  return {
    name: "ntp",
    build: () => ntpRequest((transmit = random(8))),
    parse: (reply) => (transmit ? parseNtpReply(reply, transmit) : null),
  };
}

function quic(random: RandomBytes): UdpPayload {
  let dcid: Buffer | null = null;
  return {
    name: "quic",
    build: () => quicVersionProbe(greaseQuicVersion(random(4)), (dcid = random(8))),
    parse: (reply) => (dcid ? parseVersionNegotiation(reply, dcid) : null),
  };
}

function stun(random: RandomBytes): UdpPayload {
  let transactionId: Buffer | null = null;
  return {
    name: "stun",
    build: () => stunBindingRequest((transactionId = random(12))),
    parse: (reply) => (transactionId ? parseStunResponse(reply, transactionId) : null),
  };
}

function bedrock(random: RandomBytes): UdpPayload {
  let pingTime: bigint | null = null;
  return {
    name: "minecraft-bedrock",
    build: () => {
      // Positive, so that servers treating it as a signed millisecond count echo it unchanged.
      pingTime = random(8).readBigUInt64BE(0) >> 1n;
      return raknetUnconnectedPing(pingTime, random(8));
    },
    parse: (reply) => (pingTime === null ? null : parseRaknetPong(reply, pingTime)),
  };
}

function sourceEngine(): UdpPayload {
  let challenged = false;
  return {
    name: "source-engine",
    build: () => a2sInfoRequest(),
    parse: parseA2sInfo,
    followUp: (reply) => {
      const challenge = challenged ? null : a2sChallenge(reply);
      if (challenge) challenged = true;
      return challenge ? a2sInfoRequest(challenge) : null;
    },
  };
}
