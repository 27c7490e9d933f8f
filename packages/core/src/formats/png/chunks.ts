/**
 * PNG container walker (PNG 3rd edition, W3C 2025; APNG).
 *
 *   signature 89 50 4E 47 0D 0A 1A 0A, then chunks: u32 length, 4-byte type, data, u32 CRC over
 *   type + data. A lower-case first letter marks an ancillary chunk; upper-case is critical.
 *   IEND ends the image; nothing inside points at a byte offset, so chunks can be dropped freely.
 */
import { ByteView, checkedLength } from '../../bytes/view.js';
import { MAX_PNG_CHUNK_BYTES, MAX_PNG_CHUNK_COUNT } from '../../bytes/limits.js';
import { crc32 } from '../../bytes/crc32.js';
import { FormatError, fail } from '../../issues.js';

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] as const;

export interface PngChunk {
  readonly type: string;
  /** Offset of the length field. */
  readonly offset: number;
  readonly dataOffset: number;
  readonly dataLength: number;
  /** Offset just past the CRC. */
  readonly end: number;
  readonly crcValid: boolean;
}

export interface PngLayout {
  readonly chunks: readonly PngChunk[];
  /** Offset just past IEND's CRC. */
  readonly imageEnd: number;
}

export function isCritical(type: string): boolean {
  return type.charCodeAt(0) >= 0x41 && type.charCodeAt(0) <= 0x5a;
}

/**
 * `checkCrc: false` skips checksum work (every chunk then reads as valid) when only the layout
 * matters. Image data (IDAT, fdAT) is never checksummed here: it is copied byte for byte whatever
 * its CRC, and decoders check it; hashing megabytes of it per file was the PNG path's main cost.
 */
export function walkPng(bytes: Uint8Array, checkCrc = true): PngLayout {
  const view = new ByteView(bytes);
  for (let index = 0; index < PNG_SIGNATURE.length; index++) {
    if (view.u8(index) !== PNG_SIGNATURE[index]) fail('invalid', index, 'not a PNG signature');
  }
  const chunks: PngChunk[] = [];
  let at: number = PNG_SIGNATURE.length;
  for (;;) {
    if (chunks.length >= MAX_PNG_CHUNK_COUNT) {
      throw new FormatError({ code: 'limit_exceeded', offset: at, detail: 'too many PNG chunks', limit: 'MAX_PNG_CHUNK_COUNT', value: chunks.length });
    }
    if (at >= view.length) fail('truncated', at, 'PNG ends without an IEND chunk');
    const declared = view.u32be(at);
    if (declared > MAX_PNG_CHUNK_BYTES) {
      throw new FormatError({ code: 'limit_exceeded', offset: at, detail: `PNG chunk length ${declared}`, limit: 'MAX_PNG_CHUNK_BYTES', value: declared });
    }
    const dataLength = checkedLength(declared, { max: view.length - at - 12, what: 'PNG chunk length', offset: at });
    const type = view.ascii(at + 4, 4);
    if (!/^[A-Za-z]{4}$/.test(type)) fail('invalid', at + 4, 'PNG chunk type is not four letters');
    const dataOffset = at + 8;
    const end = dataOffset + dataLength + 4;
    const crcValid = !checkCrc || type === 'IDAT' || type === 'fdAT' || crc32(bytes.subarray(at + 4, dataOffset + dataLength)) === view.u32be(dataOffset + dataLength);
    chunks.push({ type, offset: at, dataOffset, dataLength, end, crcValid });
    at = end;
    if (type === 'IEND') return { chunks, imageEnd: end };
  }
}
