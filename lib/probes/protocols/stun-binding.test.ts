import { describe, expect, it } from "vitest";
import { parseStunResponse, stunBindingRequest } from "./stun-binding";

const TRANSACTION = Buffer.from("0102030405060708090a0b0c", "hex");
const COOKIE = Buffer.from("2112a442", "hex");

function attribute(type: number, value: Buffer): Buffer {
  const header = Buffer.alloc(4);
  header.writeUInt16BE(type, 0);
  header.writeUInt16BE(value.length, 2);
  return Buffer.concat([header, value, Buffer.alloc((4 - (value.length % 4)) % 4)]);
}

/** XOR-MAPPED-ADDRESS value: port XOR the cookie's top half, address XOR cookie (+ transaction id for IPv6). */
function xorAddress(address: number[], port: number, transaction = TRANSACTION): Buffer {
  const key = Buffer.concat([COOKIE, transaction]);
  const value = Buffer.alloc(4 + address.length);
  value[1] = address.length === 4 ? 0x01 : 0x02;
  value.writeUInt16BE(port ^ 0x2112, 2);
  address.forEach((byte, i) => (value[4 + i] = byte ^ key[i]!));
  return value;
}

function stunMessage(type: number, attributes: Buffer[], transaction = TRANSACTION): Buffer {
  const body = Buffer.concat(attributes);
  const header = Buffer.alloc(20);
  header.writeUInt16BE(type, 0);
  header.writeUInt16BE(body.length, 2);
  COOKIE.copy(header, 4);
  transaction.copy(header, 8);
  return Buffer.concat([header, body]);
}

describe("stunBindingRequest", () => {
  it("is a 20-byte Binding Request with the magic cookie and our transaction id", () => {
    expect(stunBindingRequest(TRANSACTION).toString("hex")).toBe("00010000" + "2112a442" + "0102030405060708090a0b0c");
  });
});

describe("parseStunResponse", () => {
  it("reads SOFTWARE (padded) and XOR-MAPPED-ADDRESS from a success response", () => {
    const reply = stunMessage(0x0101, [attribute(0x8022, Buffer.from("Coturn-4.6.2 a")), attribute(0x0020, xorAddress([198, 51, 100, 7], 40000))]);
    expect(parseStunResponse(reply, TRANSACTION)).toEqual({
      service: "stun",
      product: "Coturn-4.6.2 a",
      version: null,
      text: "Binding Success Response, software Coturn-4.6.2 a",
      stun: { mappedAddress: "198.51.100.7:40000" },
    });
  });

  it("undoes the XOR for IPv6 with the transaction id", () => {
    const v6 = [0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x01];
    const reply = stunMessage(0x0101, [attribute(0x0020, xorAddress(v6, 3478))]);
    expect(parseStunResponse(reply, TRANSACTION)).toMatchObject({ product: null, stun: { mappedAddress: "[2001:db8::1]:3478" } });
  });

  it("falls back to a plain MAPPED-ADDRESS", () => {
    const mapped = Buffer.from([0x00, 0x01, 0x9c, 0x40, 203, 0, 113, 9]);
    expect(parseStunResponse(stunMessage(0x0101, [attribute(0x0001, mapped)]), TRANSACTION)?.stun).toEqual({ mappedAddress: "203.0.113.9:40000" });
  });

  it("reads an error response", () => {
    const error = Buffer.concat([Buffer.from([0, 0, 4, 1]), Buffer.from("Unauthorized")]);
    expect(parseStunResponse(stunMessage(0x0111, [attribute(0x0009, error)]), TRANSACTION)).toMatchObject({
      service: "stun",
      text: "Binding Error Response 401 Unauthorized",
      stun: { mappedAddress: null },
    });
  });

  it("ignores responses to another transaction, and requests", () => {
    expect(parseStunResponse(stunMessage(0x0101, [], Buffer.alloc(12)), TRANSACTION)).toBeNull();
    expect(parseStunResponse(stunBindingRequest(TRANSACTION), TRANSACTION)).toBeNull();
  });

  it("returns null or a partial reading for damaged replies, never throws", () => {
    const reply = stunMessage(0x0101, [attribute(0x8022, Buffer.from("x")), attribute(0x0020, xorAddress([1, 2, 3, 4], 1))]);
    for (let end = 0; end < reply.length; end++) expect(parseStunResponse(reply.subarray(0, end), TRANSACTION)).toBeNull();
    const overlong = Buffer.from(reply);
    overlong.writeUInt16BE(0x0100, 22); // attribute length beyond the message
    expect(parseStunResponse(overlong, TRANSACTION)).toMatchObject({ product: null, stun: { mappedAddress: null } });
    const badFamily = stunMessage(0x0101, [attribute(0x0020, Buffer.from([0, 9, 0, 0, 1, 2, 3, 4]))]);
    expect(parseStunResponse(badFamily, TRANSACTION)?.stun).toEqual({ mappedAddress: null });
  });
});
