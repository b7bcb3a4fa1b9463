// Minecraft's VarInt: a 32-bit two's-complement integer in 7-bit groups, least significant first,
// high bit set on every byte but the last. Negative numbers always take five bytes.

export type VarIntResult = { ok: true; value: number; size: number } | { ok: false; reason: "incomplete" | "too-long" };

export function encodeVarInt(value: number): Buffer {
  if (!Number.isInteger(value) || value < -0x80000000 || value > 0x7fffffff) {
    throw new RangeError(`VarInt out of range: ${value}`);
  }
  const bytes: number[] = [];
  let rest = value >>> 0;
  while (rest > 0x7f) {
    bytes.push((rest & 0x7f) | 0x80);
    rest >>>= 7;
  }
  bytes.push(rest);
  return Buffer.from(bytes);
}

/** Reads a VarInt at offset; "incomplete" means more bytes may still arrive, "too-long" never fits. */
export function decodeVarInt(bytes: Buffer, offset = 0): VarIntResult {
  let value = 0;
  for (let i = 0; i < 5; i++) {
    const byte = bytes[offset + i];
    if (byte === undefined) return { ok: false, reason: "incomplete" };
    value |= (byte & 0x7f) << (7 * i);
    if ((byte & 0x80) === 0) {
      // The fifth byte carries only the top four bits of a 32-bit value.
      if (i === 4 && byte > 0x0f) return { ok: false, reason: "too-long" };
      return { ok: true, value: value | 0, size: i + 1 };
    }
  }
  return { ok: false, reason: "too-long" };
}
