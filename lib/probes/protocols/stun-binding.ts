// STUN (RFC 8489): a Binding Request, which every STUN/TURN server answers with our own public
// address. 20 bytes out, a reply of similar size back.
import ipaddr from "ipaddr.js";
import type { Banner } from "./banner";
import { bannerText } from "./sanitize-text";

const MAGIC_COOKIE = 0x2112a442;
const BINDING_REQUEST = 0x0001;
const BINDING_SUCCESS = 0x0101;
const BINDING_ERROR = 0x0111;
const MAPPED_ADDRESS = 0x0001;
const ERROR_CODE = 0x0009;
const XOR_MAPPED_ADDRESS = 0x0020;
/** What pre-RFC 5389 drafts used for XOR-MAPPED-ADDRESS; some servers still send it. */
const XOR_MAPPED_ADDRESS_OLD = 0x8020;
const SOFTWARE = 0x8022;

/** transactionId is 12 random bytes; the response carries it back. */
export function stunBindingRequest(transactionId: Buffer): Buffer {
  if (transactionId.length !== 12) throw new RangeError("STUN transaction id must be 12 bytes");
  const request = Buffer.alloc(20);
  request.writeUInt16BE(BINDING_REQUEST, 0);
  request.writeUInt16BE(0, 2);
  request.writeUInt32BE(MAGIC_COOKIE, 4);
  transactionId.copy(request, 8);
  return request;
}

/** A banner for a Binding success or error response to this transaction; null otherwise. */
export function parseStunResponse(reply: Buffer, transactionId: Buffer): Banner | null {
  if (reply.length < 20) return null;
  const type = reply.readUInt16BE(0);
  const length = reply.readUInt16BE(2);
  if (type !== BINDING_SUCCESS && type !== BINDING_ERROR) return null;
  if (reply.readUInt32BE(4) !== MAGIC_COOKIE || !reply.subarray(8, 20).equals(transactionId)) return null;
  if (length % 4 !== 0 || 20 + length > reply.length) return null;

  let software: string | null = null;
  let mapped: string | null = null;
  let xorMapped: string | null = null;
  let error: string | null = null;
  for (const { type: attribute, value } of attributes(reply.subarray(20, 20 + length))) {
    if (attribute === SOFTWARE) software = bannerText(value, 128) || null;
    else if (attribute === XOR_MAPPED_ADDRESS || attribute === XOR_MAPPED_ADDRESS_OLD) xorMapped ??= address(value, reply.subarray(4, 20));
    else if (attribute === MAPPED_ADDRESS) mapped ??= address(value, null);
    else if (attribute === ERROR_CODE && value.length >= 4) {
      error = `${value[2]! * 100 + value[3]!} ${bannerText(value.subarray(4), 128)}`.trim();
    }
  }
  const text = type === BINDING_SUCCESS ? "Binding Success Response" : `Binding Error Response ${error ?? ""}`.trim();
  return {
    service: "stun",
    product: software,
    version: null,
    text: software ? `${text}, software ${software}` : text,
    stun: { mappedAddress: xorMapped ?? mapped },
  };
}

function* attributes(body: Buffer): Generator<{ type: number; value: Buffer }> {
  let offset = 0;
  while (offset + 4 <= body.length) {
    const type = body.readUInt16BE(offset);
    const length = body.readUInt16BE(offset + 2);
    if (offset + 4 + length > body.length) return;
    yield { type, value: body.subarray(offset + 4, offset + 4 + length) };
    // Values are padded to a multiple of four bytes.
    offset += 4 + Math.ceil(length / 4) * 4;
  }
}

/** MAPPED-ADDRESS as "a.b.c.d:port" or "[v6]:port"; XOR-MAPPED-ADDRESS when given the cookie and transaction id to undo the XOR. */
function address(value: Buffer, xorKey: Buffer | null): string | null {
  const family = value[1];
  const size = family === 0x01 ? 4 : family === 0x02 ? 16 : 0;
  if (size === 0 || value.length < 4 + size) return null;
  const bytes = [...value.subarray(4, 4 + size)].map((byte, i) => (xorKey ? byte ^ xorKey[i]! : byte));
  const port = value.readUInt16BE(2) ^ (xorKey ? MAGIC_COOKIE >>> 16 : 0);
  const ip = ipaddr.fromByteArray(bytes).toString();
  return size === 4 ? `${ip}:${port}` : `[${ip}]:${port}`;
}
