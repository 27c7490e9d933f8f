/**
 * What each APPn/COM segment is, by its identifier string, and what it reveals. Containers find the
 * blocks; the payload parsers in `payloads/` say what is inside.
 */
import { ByteView, indexOfBytes, asciiBytes } from '../../bytes/view.js';
import type { MetadataItem } from '../../categories.js';
import { isFormatError } from '../../issues.js';
import { classifyExif } from '../../payloads/exif-tiff/classify.js';
import { classifyPhotoshopResources } from '../../payloads/iptc.js';
import { classifyXmp } from '../../payloads/xmp.js';
import { MARKER_COM, type JpegSegment } from './segments.js';

export const JFIF_ID = 'JFIF\0';
export const JFXX_ID = 'JFXX\0';
export const EXIF_ID = 'Exif\0'; // followed by \0 (or, rarely, 0xFF padding)
export const XMP_ID = 'http://ns.adobe.com/xap/1.0/\0';
export const EXTENDED_XMP_ID = 'http://ns.adobe.com/xmp/extension/\0';
export const ICC_ID = 'ICC_PROFILE\0';
export const MPF_ID = 'MPF\0';
export const PHOTOSHOP_ID = 'Photoshop 3.0\0';
export const ADOBE_ID = 'Adobe';

export type AppKind = 'jfif' | 'jfxx' | 'exif' | 'xmp' | 'extended-xmp' | 'icc' | 'mpf' | 'photoshop' | 'adobe' | 'jumbf' | 'comment' | 'other';

export function appKind(view: ByteView, segment: JpegSegment): AppKind {
  const has = (id: string): boolean => segment.end - segment.payloadOffset >= id.length && view.ascii(segment.payloadOffset, id.length) === id;
  if (segment.marker === MARKER_COM) return 'comment';
  switch (segment.marker) {
    case 0xe0:
      return has(JFIF_ID) ? 'jfif' : has(JFXX_ID) ? 'jfxx' : 'other';
    case 0xe1:
      return has(EXIF_ID) ? 'exif' : has(XMP_ID) ? 'xmp' : has(EXTENDED_XMP_ID) ? 'extended-xmp' : 'other';
    case 0xe2:
      return has(ICC_ID) ? 'icc' : has(MPF_ID) ? 'mpf' : 'other';
    case 0xeb:
      return 'jumbf';
    case 0xed:
      return has(PHOTOSHOP_ID) ? 'photoshop' : 'other';
    case 0xee:
      return has(ADOBE_ID) ? 'adobe' : 'other';
    default:
      return 'other';
  }
}

/** JFIF APP0 payload: id(5) version(2) units(1) Xdensity(2) Ydensity(2) Xthumb(1) Ythumb(1) thumbnail. */
export const JFIF_FIXED_PAYLOAD_BYTES = 14;

export function jfifHasThumbnail(view: ByteView, segment: JpegSegment): boolean {
  if (segment.end - segment.payloadOffset < JFIF_FIXED_PAYLOAD_BYTES) return false;
  return view.u8(segment.payloadOffset + 12) > 0 && view.u8(segment.payloadOffset + 13) > 0;
}

export interface ClassifiedSegment {
  readonly kind: AppKind;
  readonly items: MetadataItem[];
  /** EXIF Orientation (1–8) when this is a readable EXIF segment that has one. */
  readonly orientation?: number;
}

/** Classifies one APPn/COM segment. Damaged payloads are reported, not thrown: they are dropped anyway. */
export function classifyAppSegment(view: ByteView, segment: JpegSegment): ClassifiedSegment {
  const kind = appKind(view, segment);
  const payload = view.bytes.subarray(segment.payloadOffset, segment.end);
  const at = segment.offset;
  switch (kind) {
    case 'jfif':
      return { kind, items: jfifHasThumbnail(view, segment) ? [{ category: 'thumbnail', label: 'JFIF thumbnail', offset: at }] : [] };
    case 'jfxx':
      return { kind, items: [{ category: 'thumbnail', label: 'JFXX thumbnail', offset: at }] };
    case 'exif': {
      const tiff = payload.subarray(EXIF_ID.length + 1);
      try {
        const summary = classifyExif(tiff, segment.payloadOffset + EXIF_ID.length + 1);
        return summary.orientation === undefined ? { kind, items: summary.items } : { kind, items: summary.items, orientation: summary.orientation };
      } catch (error) {
        if (!isFormatError(error)) throw error;
        return { kind, items: [{ category: 'other', label: `EXIF block (unreadable: ${error.detail})`, offset: at }] };
      }
    }
    case 'xmp':
      return { kind, items: classifyXmp(payload.subarray(XMP_ID.length), at) };
    case 'extended-xmp':
      return { kind, items: classifyXmp(payload.subarray(EXTENDED_XMP_ID.length), at).concat({ category: 'other', label: 'Extended XMP', offset: at }) };
    case 'icc':
      return { kind, items: [{ category: 'colour-profile', label: 'ICC colour profile', offset: at }] };
    case 'mpf':
      return { kind, items: [{ category: 'thumbnail', label: 'MPF index of extra images (previews, depth maps)', offset: at }] };
    case 'photoshop': {
      try {
        return { kind, items: classifyPhotoshopResources(payload.subarray(PHOTOSHOP_ID.length), segment.payloadOffset + PHOTOSHOP_ID.length) };
      } catch (error) {
        if (!isFormatError(error)) throw error;
        return { kind, items: [{ category: 'other', label: 'Photoshop/IPTC block (unreadable)', offset: at }] };
      }
    }
    case 'adobe':
      return { kind, items: [] };
    case 'jumbf':
      return { kind, items: [{ category: 'other', label: 'JUMBF / C2PA content credentials', offset: at }] };
    case 'comment':
      return { kind, items: [{ category: 'other', label: 'JPEG comment', offset: at }] };
    case 'other':
      return { kind, items: [{ category: describeUnknownApp(payload), label: `APP${segment.marker - 0xe0} segment${printableId(payload)}`, offset: at }] };
  }
}

function describeUnknownApp(payload: Uint8Array): MetadataItem['category'] {
  // Vendor blocks (FLIR, Ducky, HDR gain maps…) often embed camera identity; "other" unless obvious.
  return indexOfBytes(payload, asciiBytes('GPS')) >= 0 ? 'location' : 'other';
}

function printableId(payload: Uint8Array): string {
  let id = '';
  for (let index = 0; index < Math.min(payload.length, 24); index++) {
    const code = payload[index]!;
    if (code === 0) break;
    if (code < 0x20 || code > 0x7e) return '';
    id += String.fromCharCode(code);
  }
  return id.length > 0 ? ` "${id}"` : '';
}
