/**
 * Bounds-checked reads over a Uint8Array. Honours `byteOffset`: small Node Buffers share one pooled
 * ArrayBuffer, so a DataView over `.buffer` without the offset would read someone else's bytes.
 * Every read past the end throws `truncated` with the offset that was needed.
 */
import { FormatError } from '../issues.js';

export class ByteView {
  readonly bytes: Uint8Array;
  readonly length: number;
  private readonly data: DataView;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.length = bytes.length;
    this.data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Throws `truncated` unless [offset, offset + length) lies inside the view. */
  need(offset: number, length: number, what: string): void {
    if (!Number.isInteger(offset) || !Number.isInteger(length) || offset < 0 || length < 0 || offset + length > this.length) {
      throw new FormatError({
        code: 'truncated',
        offset: Math.max(0, Math.min(offset, this.length)),
        detail: `${what} needs ${length} bytes at offset ${offset}, but the data ends at ${this.length}`,
      });
    }
  }

  u8(offset: number): number {
    this.need(offset, 1, 'u8');
    return this.data.getUint8(offset);
  }
  u16be(offset: number): number {
    this.need(offset, 2, 'u16');
    return this.data.getUint16(offset, false);
  }
  u16le(offset: number): number {
    this.need(offset, 2, 'u16');
    return this.data.getUint16(offset, true);
  }
  u16(offset: number, littleEndian: boolean): number {
    this.need(offset, 2, 'u16');
    return this.data.getUint16(offset, littleEndian);
  }
  u32be(offset: number): number {
    this.need(offset, 4, 'u32');
    return this.data.getUint32(offset, false);
  }
  u32le(offset: number): number {
    this.need(offset, 4, 'u32');
    return this.data.getUint32(offset, true);
  }
  u32(offset: number, littleEndian: boolean): number {
    this.need(offset, 4, 'u32');
    return this.data.getUint32(offset, littleEndian);
  }
  /** 64-bit unsigned as a JS number; throws `limit_exceeded` above 2^53. */
  u64(offset: number, littleEndian: boolean): number {
    this.need(offset, 8, 'u64');
    const value = this.data.getBigUint64(offset, littleEndian);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) {
      throw new FormatError({ code: 'limit_exceeded', offset, detail: '64-bit value too large', limit: 'MAX_SAFE_INTEGER' });
    }
    return Number(value);
  }
  u64be(offset: number): number {
    return this.u64(offset, false);
  }

  /** A view (no copy) of [offset, offset + length). */
  slice(offset: number, length: number, what = 'range'): Uint8Array {
    this.need(offset, length, what);
    return this.bytes.subarray(offset, offset + length);
  }

  /** Latin-1 decode of a short ASCII tag such as a FourCC or a JPEG APP identifier. */
  ascii(offset: number, length: number): string {
    this.need(offset, length, 'ascii');
    let text = '';
    for (let index = 0; index < length; index++) text += String.fromCharCode(this.bytes[offset + index]!);
    return text;
  }
}

export interface LengthCheck {
  /** Largest acceptable value (already the smaller of the parent's end and the named limit). */
  max: number;
  /** What is being measured, for the message. */
  what: string;
  /** Where the length was read. */
  offset: number;
  /** Name of the limit constant when the limit, not the parent, is the binding bound. */
  limit?: string;
}

/** The one gate every untrusted length passes before use. */
export function checkedLength(value: number, check: LengthCheck): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new FormatError({ code: 'invalid', offset: check.offset, detail: `${check.what} is not a valid length (${value})` });
  }
  if (value > check.max) {
    if (check.limit !== undefined) {
      throw new FormatError({ code: 'limit_exceeded', offset: check.offset, detail: `${check.what} ${value} exceeds ${check.limit} (${check.max})`, limit: check.limit, value });
    }
    throw new FormatError({ code: 'truncated', offset: check.offset, detail: `${check.what} ${value} runs past the end of its container (room for ${check.max})` });
  }
  return value;
}

export function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  for (let index = 0; index < signature.length; index++) if (bytes[at + index] !== signature[index]) return false;
  return true;
}

export function asciiBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index++) out[index] = text.charCodeAt(index) & 0xff;
  return out;
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let total = 0;
  for (const part of parts) total += part.length;
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

/** Index of `needle` in `haystack` from `from`, or -1. For short needles over metadata blocks. */
export function indexOfBytes(haystack: Uint8Array, needle: Uint8Array, from = 0): number {
  if (needle.length === 0) return from;
  const first = needle[0]!;
  outer: for (let index = haystack.indexOf(first, from); index !== -1 && index + needle.length <= haystack.length; index = haystack.indexOf(first, index + 1)) {
    for (let k = 1; k < needle.length; k++) if (haystack[index + k] !== needle[k]) continue outer;
    return index;
  }
  return -1;
}
