/**
 * JPEG container walker (ITU-T T.81 Annex B; JFIF 1.02; EXIF 2.32 §4.5).
 *
 *   SOI FFD8 | segments: FFxx + u16 length (including itself) + payload | SOS FFDA + header,
 *   then entropy-coded data (FF is stuffed as FF00; RSTn FFD0–FFD7 may appear) | … | EOI FFD9
 *
 * Bytes after EOI are not part of the image: phones append MPF previews, depth maps and motion-photo
 * videos there. The walker records where each segment starts and ends and never decodes scans.
 */
import { ByteView, checkedLength } from '../../bytes/view.js';
import { MAX_JPEG_SEGMENT_COUNT } from '../../bytes/limits.js';
import { FormatError, fail } from '../../issues.js';
import { findByte } from '../../bytes/search.js';

export const MARKER_SOI = 0xd8; // FFD8 start of image
export const MARKER_EOI = 0xd9; // FFD9 end of image
export const MARKER_SOS = 0xda; // FFDA start of scan
export const MARKER_APP0 = 0xe0; // FFE0 JFIF / JFXX
export const MARKER_APP15 = 0xef;
export const MARKER_COM = 0xfe; // FFFE comment
export const MARKER_TEM = 0x01; // standalone, no length
export const MARKER_RST0 = 0xd0; // FFD0–FFD7 restart markers, standalone

export interface JpegSegment {
  readonly marker: number;
  /** Offset of the 0xFF that starts the marker. */
  readonly offset: number;
  /** End of the marker segment (for SOS: end of its header, before the entropy-coded data). */
  readonly end: number;
  /** Payload = bytes after the 2-byte length. Empty for standalone markers. */
  readonly payloadOffset: number;
  /** For SOS: where the entropy-coded data that follows it ends. */
  readonly scanEnd?: number;
}

export interface JpegLayout {
  readonly segments: readonly JpegSegment[];
  /** Offset just past EOI. Everything from here to the end of the file is trailer. */
  readonly imageEnd: number;
}

export function isJpegStart(head: Uint8Array): boolean {
  return head.length >= 3 && head[0] === 0xff && head[1] === MARKER_SOI && head[2] === 0xff;
}

export function isAppMarker(marker: number): boolean {
  return marker >= MARKER_APP0 && marker <= MARKER_APP15;
}

export function walkJpeg(bytes: Uint8Array): JpegLayout {
  const view = new ByteView(bytes);
  if (view.u8(0) !== 0xff || view.u8(1) !== MARKER_SOI) fail('invalid', 0, 'missing JPEG start-of-image marker');
  const segments: JpegSegment[] = [];
  let at = 2;
  for (;;) {
    if (segments.length >= MAX_JPEG_SEGMENT_COUNT) {
      throw new FormatError({ code: 'limit_exceeded', offset: at, detail: 'too many JPEG segments', limit: 'MAX_JPEG_SEGMENT_COUNT', value: segments.length });
    }
    if (at >= view.length) fail('truncated', at, 'JPEG ends without an end-of-image marker');
    if (view.u8(at) !== 0xff) fail('invalid', at, `expected a JPEG marker, found 0x${view.u8(at).toString(16)}`);
    // Any number of 0xFF fill bytes may precede a marker (T.81 B.1.1.2).
    while (at + 1 < view.length && view.u8(at + 1) === 0xff) at++;
    const marker = view.u8(at + 1);
    if (marker === MARKER_EOI) return { segments, imageEnd: at + 2 };
    if (marker === MARKER_SOI || marker === 0x00) fail('invalid', at, `unexpected JPEG marker 0x${marker.toString(16)}`);
    if (marker === MARKER_TEM || (marker >= MARKER_RST0 && marker <= MARKER_RST0 + 7)) {
      segments.push({ marker, offset: at, end: at + 2, payloadOffset: at + 2 });
      at += 2;
      continue;
    }
    const length = checkedLength(view.u16be(at + 2), { max: view.length - at - 2, what: 'JPEG segment length', offset: at + 2 });
    if (length < 2) fail('invalid', at + 2, `JPEG segment length ${length} is below 2`);
    const end = at + 2 + length;
    if (marker === MARKER_SOS) {
      const scanEnd = findScanEnd(bytes, end);
      if (scanEnd < 0) fail('truncated', end, 'JPEG scan data runs to the end of the file without an end-of-image marker');
      segments.push({ marker, offset: at, end, payloadOffset: at + 4, scanEnd });
      at = scanEnd;
      continue;
    }
    segments.push({ marker, offset: at, end, payloadOffset: at + 4 });
    at = end;
  }
}

/** Finds the first marker after entropy-coded data: FF followed by neither 00 (stuffing), FF (fill) nor RSTn. */
function findScanEnd(bytes: Uint8Array, from: number): number {
  let at = findByte(bytes, 0xff, from);
  while (at !== -1 && at + 1 < bytes.length) {
    const next = bytes[at + 1]!;
    if (next === 0x00 || (next >= MARKER_RST0 && next <= MARKER_RST0 + 7)) {
      at = findByte(bytes, 0xff, at + 2);
    } else if (next === 0xff) {
      at += 1;
    } else {
      return at;
    }
  }
  return -1;
}
