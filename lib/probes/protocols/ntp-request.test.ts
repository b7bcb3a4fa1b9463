import { describe, expect, it } from "vitest";
import { ntpRequest, parseNtpReply } from "./ntp-request";

const TRANSMIT = Buffer.from("e9c2a1b2c3d4e5f6", "hex");

/** A 48-byte server reply that echoes our transmit timestamp as its origin timestamp. */
function ntpReply(first: number, stratum: number, referenceId = "c0000201", origin = TRANSMIT): Buffer {
  const reply = Buffer.alloc(48);
  reply[0] = first;
  reply[1] = stratum;
  reply[2] = 6; // poll
  reply[3] = 0xe9; // precision
  Buffer.from(referenceId, "hex").copy(reply, 12);
  origin.copy(reply, 24);
  return reply;
}

describe("ntpRequest", () => {
  it("is 48 bytes, first byte 0x23 (v4 client), carrying the transmit timestamp", () => {
    const request = ntpRequest(TRANSMIT);
    expect(request).toHaveLength(48);
    expect(request[0]).toBe(0x23);
    expect(request[0]! & 0x07).toBe(3); // mode 3, never 6 or 7
    expect(request.subarray(40).equals(TRANSMIT)).toBe(true);
    expect(request.subarray(1, 40).every((byte) => byte === 0)).toBe(true);
  });
});

describe("parseNtpReply", () => {
  it("reads a mode-4 server reply and its stratum", () => {
    expect(parseNtpReply(ntpReply(0x24, 2), TRANSMIT)).toEqual({ service: "ntp", product: null, version: "4", text: "stratum 2" });
    expect(parseNtpReply(ntpReply(0x1c, 3), TRANSMIT)?.version).toBe("3");
    expect(parseNtpReply(ntpReply(0x24, 1, Buffer.from("GPS\0").toString("hex")), TRANSMIT)?.text).toBe("stratum 1, reference GPS");
    expect(parseNtpReply(ntpReply(0xe4, 16), TRANSMIT)?.text).toBe("stratum 16 (unsynchronised)");
    expect(parseNtpReply(ntpReply(0xe4, 0, Buffer.from("RATE").toString("hex")), TRANSMIT)?.text).toBe("kiss-o'-death RATE");
  });

  it("ignores replies that do not echo our timestamp, and other modes", () => {
    expect(parseNtpReply(ntpReply(0x24, 2, undefined, Buffer.alloc(8)), TRANSMIT)).toBeNull();
    expect(parseNtpReply(ntpReply(0x26, 2), TRANSMIT)).toBeNull(); // mode 6
    expect(parseNtpReply(ntpReply(0x23, 2), TRANSMIT)).toBeNull(); // a client request reflected back
  });

  it("returns null for truncated or garbage replies", () => {
    const reply = ntpReply(0x24, 2);
    for (let end = 0; end < 48; end++) expect(parseNtpReply(reply.subarray(0, end), TRANSMIT)).toBeNull();
    expect(parseNtpReply(Buffer.alloc(48, 0xff), TRANSMIT)).toBeNull();
  });
});
