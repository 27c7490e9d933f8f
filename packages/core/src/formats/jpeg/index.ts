/**
 * JPEG scrubber. Keeps SOI, every coding segment (DQT, DHT, SOFn, DRI, SOS and scan data, RSTn,
 * DNL…), JFIF (without its thumbnail), Adobe APP14 (needed to decode CMYK/YCCK) and ICC APP2
 * chunks; drops every other APPn, COM, and everything after EOI. When EXIF said the picture is
 * rotated, an Orientation-only EXIF takes the place of the old one.
 */
import { ByteView, concatBytes, asciiBytes } from '../../bytes/view.js';
import { PieceBuilder } from '../../bytes/pieces.js';
import { readAll, type ByteSource } from '../../bytes/source.js';
import type { MetadataItem } from '../../categories.js';
import { orientationOnlyExif } from '../../payloads/exif-tiff/classify.js';
import { keepsColourProfile, type FormatModule, type Inspection, type ScrubOptions, type ScrubOutput } from '../../registry.js';
import { classifyAppSegment, EXIF_ID, JFIF_FIXED_PAYLOAD_BYTES, type ClassifiedSegment } from './app-segments.js';
import { isAppMarker, isJpegStart, MARKER_COM, walkJpeg, type JpegLayout, type JpegSegment } from './segments.js';

interface ClassifiedLayout {
  readonly layout: JpegLayout;
  readonly metadata: ReadonlyMap<JpegSegment, ClassifiedSegment>;
  readonly trailer: MetadataItem[];
}

function classifyJpeg(bytes: Uint8Array): ClassifiedLayout {
  const view = new ByteView(bytes);
  const layout = walkJpeg(bytes);
  const metadata = new Map<JpegSegment, ClassifiedSegment>();
  for (const segment of layout.segments) {
    if (isAppMarker(segment.marker) || segment.marker === MARKER_COM) metadata.set(segment, classifyAppSegment(view, segment));
  }
  const trailer: MetadataItem[] = [];
  const trailerLength = bytes.length - layout.imageEnd;
  if (trailerLength > 0) {
    const embedded = trailerLength >= 2 && bytes[layout.imageEnd] === 0xff && bytes[layout.imageEnd + 1] === 0xd8;
    trailer.push({
      category: embedded || containsJpeg(bytes.subarray(layout.imageEnd)) ? 'thumbnail' : 'other',
      label: embedded ? `image appended after the end of the picture (${trailerLength} bytes)` : `${trailerLength} bytes after the end of the picture`,
      offset: layout.imageEnd,
    });
  }
  return { layout, metadata, trailer };
}

function containsJpeg(bytes: Uint8Array): boolean {
  for (let at = bytes.indexOf(0xff); at !== -1 && at + 2 < bytes.length; at = bytes.indexOf(0xff, at + 1)) {
    if (bytes[at + 1] === 0xd8 && bytes[at + 2] === 0xff) return true;
  }
  return false;
}

async function inspectJpeg(source: ByteSource): Promise<Inspection> {
  const { metadata, trailer } = classifyJpeg(await readAll(source));
  const items: MetadataItem[] = [];
  for (const classified of metadata.values()) items.push(...classified.items);
  items.push(...trailer);
  return { items, issues: [] };
}

async function scrubJpeg(source: ByteSource, options: ScrubOptions): Promise<ScrubOutput> {
  const bytes = await readAll(source);
  const view = new ByteView(bytes);
  const { layout, metadata, trailer } = classifyJpeg(bytes);
  const out = new PieceBuilder().copy(0, 2);
  const removed: MetadataItem[] = [...trailer];
  const kept: MetadataItem[] = [];
  const notes: string[] = [];

  // The first readable EXIF orientation wins; an unreadable EXIF cannot tell us one.
  let orientation: number | undefined;
  for (const classified of metadata.values()) {
    if (classified.kind === 'exif' && classified.orientation !== undefined) {
      orientation = classified.orientation;
      break;
    }
  }
  let orientationWritten = false;

  for (const segment of layout.segments) {
    const classified = metadata.get(segment);
    const segmentEnd = segment.scanEnd ?? segment.end;
    if (classified === undefined) {
      out.copy(segment.offset, segmentEnd - segment.offset);
      continue;
    }
    switch (classified.kind) {
      case 'jfif':
        if (classified.items.length > 0) {
          out.bytes(jfifWithoutThumbnail(view, segment));
          removed.push(...classified.items);
        } else {
          out.copy(segment.offset, segmentEnd - segment.offset);
        }
        break;
      case 'adobe':
        out.copy(segment.offset, segmentEnd - segment.offset);
        break;
      case 'icc':
        if (keepsColourProfile(options, classified.items, kept, removed)) out.copy(segment.offset, segmentEnd - segment.offset);
        break;
      case 'exif': {
        const rotated = orientation !== undefined && orientation !== 1;
        if (rotated && !orientationWritten && isOrientationOnly(classified)) {
          out.copy(segment.offset, segmentEnd - segment.offset); // already minimal: keep as is
          kept.push(...classified.items);
          orientationWritten = true;
          break;
        }
        removed.push(...classified.items.filter((item) => item.category !== 'orientation'));
        if (rotated && !orientationWritten) {
          out.bytes(app1Exif(orientationOnlyExif(orientation!)));
          kept.push({ category: 'orientation', label: 'EXIF Orientation (rewritten alone)' });
          orientationWritten = true;
        }
        break;
      }
      default:
        removed.push(...classified.items);
    }
  }
  out.copy(layout.imageEnd - 2, 2); // EOI
  if (orientation === undefined && [...metadata.values()].some((segment) => segment.kind === 'exif' && segment.items.some((item) => item.label.includes('unreadable')))) {
    notes.push('The EXIF block was damaged, so its orientation could not be read; check that the picture is upright.');
  }
  return { pieces: out.pieces, removed, kept, notes };
}

function isOrientationOnly(classified: ClassifiedSegment): boolean {
  return classified.items.length > 0 && classified.items.every((item) => item.category === 'orientation');
}

function app1Exif(tiff: Uint8Array): Uint8Array {
  const id = asciiBytes(`${EXIF_ID}\0`);
  const length = 2 + id.length + tiff.length;
  return concatBytes([new Uint8Array([0xff, 0xe1, length >> 8, length & 0xff]), id, tiff]);
}

function jfifWithoutThumbnail(view: ByteView, segment: JpegSegment): Uint8Array {
  const payload = view.slice(segment.payloadOffset, JFIF_FIXED_PAYLOAD_BYTES, 'JFIF header');
  const out = new Uint8Array(4 + JFIF_FIXED_PAYLOAD_BYTES);
  out.set([0xff, 0xe0, 0, 2 + JFIF_FIXED_PAYLOAD_BYTES], 0);
  out.set(payload, 4);
  out[4 + 12] = 0; // Xthumbnail
  out[4 + 13] = 0; // Ythumbnail
  return out;
}

export const jpeg: FormatModule = {
  id: 'jpeg',
  label: 'JPEG',
  family: 'photo',
  mediaType: 'image/jpeg',
  extensions: ['jpg', 'jpeg', 'jpe', 'jfif'],
  sniff: (head) => (isJpegStart(head) ? 'confident' : undefined),
  inspect: inspectJpeg,
  scrub: scrubJpeg,
};
