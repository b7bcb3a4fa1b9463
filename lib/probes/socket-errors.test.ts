import { describe, expect, it } from "vitest";
import { tcpErrorVerdict, udpErrorVerdict } from "./socket-errors";

describe("socket errors as verdicts (Linux icmp_err_convert / icmpv6_err_convert, nmap's connect scan)", () => {
  it.each([
    ["ECONNREFUSED", "closed", "conn-refused"],
    // Only possible once the handshake completed: a reset during SYN_SENT is ECONNREFUSED.
    ["ECONNRESET", "open", "syn-ack"],
    ["EPIPE", "open", "syn-ack"],
    ["EHOSTUNREACH", "filtered", "host-unreach"],
    ["EHOSTDOWN", "filtered", "host-unreach"],
    ["ENETUNREACH", "filtered", "net-unreach"],
    ["ENOPROTOOPT", "filtered", "proto-unreach"],
    ["ENONET", "filtered", "dest-unreach"],
    ["ENOTSUP", "filtered", "dest-unreach"],
    ["EOPNOTSUPP", "filtered", "dest-unreach"],
    ["EPROTO", "filtered", "dest-unreach"],
    ["EACCES", "filtered", "admin-prohibited"],
    ["EPERM", "filtered", "perm-denied"],
    ["ETIMEDOUT", "filtered", "timeout"],
    ["EADDRNOTAVAIL", "error", "local-error"],
    ["EMFILE", "error", "local-error"],
  ])("TCP %s is %s (%s)", (code, state, reason) => {
    expect(tcpErrorVerdict(code)).toEqual({ state, reason });
  });

  it.each([
    ["ECONNREFUSED", "closed", "port-unreach"],
    ["EHOSTUNREACH", "filtered", "host-unreach"],
    ["EACCES", "filtered", "admin-prohibited"],
    ["ENOPROTOOPT", "filtered", "proto-unreach"],
    ["EMFILE", "error", "local-error"],
  ])("UDP %s is %s (%s)", (code, state, reason) => {
    expect(udpErrorVerdict(code)).toEqual({ state, reason });
  });
});
