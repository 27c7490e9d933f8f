/**
 * Reduces a freshly encoded JPEG or PNG to the structures needed to show its pixels, and checks
 * the result: no APPn/COM segments (so no JFIF, EXIF, XMP, ICC, thumbnails), no ancillary PNG
 * chunks, and nothing after EOI / IEND (the aCropalypse lesson, scrubbing.md §5.3).
 */
import { checkedLength } from '../bytes/view.js';
import { MAX_JPEG_SEGMENT_COUNT, MAX_PNG_CHUNK_BYTES, MAX_PNG_CHUNK_COUNT } from '../bytes/limits.js';
import { FormatError } from '../issues.js';

/** JPEG markers a bare baseline/progressive image needs: DQT, DHT, SOFn, DRI, SOS, DAC. */
function isImageMarker(marker: number): boolean {
  return marker === 0xdb || marker === 0xc4 || marker === 0xdd || marker === 0xda || marker === 0xcc || (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc8);
}

/** PNG chunks kept: the critical ones and tRNS (transparency is pixels, not metadata). */
const PNG_KEPT = new Set(['IHDR', 'PLTE', 'tRNS', 'IDAT', 'IEND']);

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function bareJpeg(bytes: Uint8Array): Uint8Array {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new FormatError({ code: 'invalid', offset: 0, detail: 'not a JPEG (no SOI)' });
  const parts: Uint8Array[] = [bytes.subarray(0, 2)];
  let offset = 2;
  let segments = 0;
  while (true) {
    if (++segments > MAX_JPEG_SEGMENT_COUNT) throw new FormatError({ code: 'limit_exceeded', offset, detail: 'too many JPEG segments', limit: 'MAX_JPEG_SEGMENT_COUNT', value: segments });
    if (offset + 4 > bytes.length || bytes[offset] !== 0xff) throw new FormatError({ code: 'truncated', offset, detail: 'JPEG marker expected' });
    const marker = bytes[offset + 1]!;
    const length = checkedLength((bytes[offset + 2]! << 8) | bytes[offset + 3]!, { what: 'JPEG segment length', offset, max: bytes.length - offset - 2 });
    const end = offset + 2 + length;
    if (isImageMarker(marker)) parts.push(bytes.subarray(offset, end));
    if (marker !== 0xda) {
      offset = end;
      continue;
    }
    // Entropy-coded data: runs to the next marker that is not a stuffed 0xFF00 or a restart marker.
    let p = end;
    while (true) {
      if (p + 1 >= bytes.length) throw new FormatError({ code: 'truncated', offset: p, detail: 'JPEG scan data runs to the end of the file (no EOI)' });
      if (bytes[p] === 0xff) {
        const next = bytes[p + 1]!;
        if (next === 0x00 || (next >= 0xd0 && next <= 0xd7) || next === 0xff) {
          p += next === 0xff ? 1 : 2;
          continue;
        }
        break;
      }
      p++;
    }
    parts.push(bytes.subarray(end, p));
    if (bytes[p + 1] === 0xd9) {
      parts.push(bytes.subarray(p, p + 2));
      return concat(parts);
    }
    offset = p;
  }
}

export function barePng(bytes: Uint8Array): Uint8Array {
  if (!PNG_SIGNATURE.every((b, i) => bytes[i] === b)) throw new FormatError({ code: 'invalid', offset: 0, detail: 'not a PNG (bad signature)' });
  const parts: Uint8Array[] = [bytes.subarray(0, 8)];
  let offset = 8;
  for (let count = 0; ; count++) {
    if (count > MAX_PNG_CHUNK_COUNT) throw new FormatError({ code: 'limit_exceeded', offset, detail: 'too many PNG chunks', limit: 'MAX_PNG_CHUNK_COUNT', value: count });
    if (offset + 12 > bytes.length) throw new FormatError({ code: 'truncated', offset, detail: 'PNG ends before IEND' });
    const length = checkedLength(((bytes[offset]! << 24) >>> 0) + ((bytes[offset + 1]! << 16) | (bytes[offset + 2]! << 8) | bytes[offset + 3]!), {
      what: 'PNG chunk length',
      offset,
      max: Math.min(MAX_PNG_CHUNK_BYTES, bytes.length - offset - 12),
    });
    const type = String.fromCharCode(bytes[offset + 4]!, bytes[offset + 5]!, bytes[offset + 6]!, bytes[offset + 7]!);
    const end = offset + 12 + length;
    if (PNG_KEPT.has(type)) parts.push(bytes.subarray(offset, end));
    if (type === 'IEND') return concat(parts);
    offset = end;
  }
}

/**
 * What of a file goes beyond bare pixels: APPn/COM segments, ancillary PNG chunks, bytes after the
 * end marker. Empty for a bare file. Used to verify every redacted output before it is kept.
 */
export function extrasInImageFile(bytes: Uint8Array, kind: 'jpeg' | 'png'): string[] {
  const found: string[] = [];
  if (kind === 'jpeg') {
    let offset = 2;
    while (offset + 4 <= bytes.length) {
      const marker = bytes[offset + 1]!;
      const length = (bytes[offset + 2]! << 8) | bytes[offset + 3]!;
      if (!isImageMarker(marker)) found.push(`JPEG segment 0xFF${marker.toString(16).toUpperCase()}`);
      offset += 2 + length;
      if (marker === 0xda) {
        // Find EOI: the last two bytes of a bare file.
        const eoi = bytes.length - 2;
        if (bytes[eoi] !== 0xff || bytes[eoi + 1] !== 0xd9) found.push('no EOI at the end of the file');
        for (let p = offset; p < eoi - 1; p++) {
          if (bytes[p] === 0xff && bytes[p + 1] === 0xd9) {
            found.push(`bytes after EOI at ${p}`);
            break;
          }
        }
        break;
      }
    }
  } else {
    let offset = 8;
    while (offset + 12 <= bytes.length) {
      const length = ((bytes[offset]! << 24) >>> 0) + ((bytes[offset + 1]! << 16) | (bytes[offset + 2]! << 8) | bytes[offset + 3]!);
      const type = String.fromCharCode(bytes[offset + 4]!, bytes[offset + 5]!, bytes[offset + 6]!, bytes[offset + 7]!);
      if (!PNG_KEPT.has(type)) found.push(`PNG chunk ${type}`);
      offset += 12 + length;
      if (type === 'IEND') {
        if (offset !== bytes.length) found.push(`${bytes.length - offset} bytes after IEND`);
        break;
      }
    }
  }
  return found;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
