/**
 * Lists what an EXIF/TIFF block reveals, for reports and for verification. Reads the IFD chain
 * (IFD0 = main image, IFD1 = thumbnail) and the Exif, GPS and Interop sub-IFDs.
 */
import { ByteView } from '../../bytes/view.js';
import type { MetadataItem } from '../../categories.js';
import { readTiffHeader, readUintValues, walkIfdChain, type Ifd, type IfdEntry, type TiffHeader } from './ifd.js';
import {
  PRIVACY_TAGS,
  TAG_EXIF_IFD,
  TAG_GPS_IFD,
  TAG_ICC_PROFILE,
  TAG_INTEROP_IFD,
  TAG_ORIENTATION,
  TIFF_RENDERING_TAGS,
} from './tags.js';

export interface ExifSummary {
  readonly items: MetadataItem[];
  /** Orientation 1–8 when present and valid. */
  readonly orientation: number | undefined;
}

/**
 * Classifies an EXIF block (TIFF header onward). `offset` is where the block sits in the file, for
 * the report. Structure problems propagate as FormatError: a block we cannot read is not clean.
 */
export function classifyExif(tiff: Uint8Array, offset = 0): ExifSummary {
  const view = new ByteView(tiff);
  const header = readTiffHeader(view);
  const visited = new Set<number>();
  const chain = walkIfdChain(view, header, header.firstIfdOffset, visited);
  const items: MetadataItem[] = [];
  let orientation: number | undefined;

  chain.forEach((ifd, index) => {
    if (index >= 1) items.push({ category: 'thumbnail', label: `EXIF IFD${index} (thumbnail image)`, offset: offset + ifd.offset });
    for (const entry of ifd.entries) {
      if (entry.tag === TAG_ORIENTATION && index === 0) {
        const value = entry.type === 3 && entry.count === 1 ? view.u16(entry.valueOffset, header.littleEndian) : 0;
        if (value >= 1 && value <= 8) orientation = value;
        items.push({ category: 'orientation', label: 'EXIF Orientation', offset: offset + entry.entryOffset });
        continue;
      }
      if (entry.tag === TAG_ICC_PROFILE) {
        items.push({ category: 'colour-profile', label: 'EXIF ICC profile', offset: offset + entry.entryOffset });
        continue;
      }
      if (index === 0) classifyEntry(view, header, entry, offset, items, visited, 'IFD0');
    }
  });
  return { items, orientation };
}

function classifyEntry(
  view: ByteView,
  header: TiffHeader,
  subject: IfdEntry,
  base: number,
  items: MetadataItem[],
  visited: Set<number>,
  where: string,
): void {
  const { tag, entryOffset } = subject;
  const known = PRIVACY_TAGS.get(tag);
  if (tag === TAG_GPS_IFD || tag === TAG_EXIF_IFD || tag === TAG_INTEROP_IFD) {
    const subIfds = readSubIfds(view, header, subject, visited);
    for (const ifd of subIfds) {
      if (tag === TAG_GPS_IFD) {
        if (ifd.entries.length > 0) items.push({ category: 'location', label: `EXIF GPS (${ifd.entries.length} tags)`, offset: base + ifd.offset });
        continue;
      }
      const subName = tag === TAG_EXIF_IFD ? 'Exif IFD' : 'Interop IFD';
      for (const entry of ifd.entries) {
        const name = PRIVACY_TAGS.get(entry.tag);
        if (entry.tag === TAG_GPS_IFD || entry.tag === TAG_INTEROP_IFD) {
          classifyEntry(view, header, entry, base, items, visited, subName);
        } else if (name !== undefined) {
          items.push({ category: name.category, label: `EXIF ${name.name}`, offset: base + entry.entryOffset });
        } else {
          // Exposure settings and the like: they fingerprint the camera.
          items.push({ category: tag === TAG_EXIF_IFD ? 'device' : 'other', label: `EXIF ${subName} tag 0x${entry.tag.toString(16).padStart(4, '0')}`, offset: base + entry.entryOffset });
        }
      }
    }
    return;
  }
  if (known !== undefined) {
    items.push({ category: known.category, label: `EXIF ${known.name}`, offset: base + entryOffset });
  } else if (!TIFF_RENDERING_TAGS.has(tag)) {
    items.push({ category: 'other', label: `EXIF ${where} tag 0x${tag.toString(16).padStart(4, '0')}`, offset: base + entryOffset });
  }
}

function readSubIfds(view: ByteView, header: TiffHeader, entry: IfdEntry, visited: Set<number>): Ifd[] {
  const [pointer] = readUintValues(view, header, { ...entry, count: Math.min(entry.count, 1) }, 1);
  if (pointer === undefined || pointer === 0) return [];
  // Sub-IFDs are single IFDs; their next pointer is ignored, but they join the loop guard.
  return walkIfdChain(view, header, pointer, visited).slice(0, 1);
}

/** A minimal EXIF (TIFF header + IFD0 with one Orientation entry), so a scrubbed photo stays upright. */
export function orientationOnlyExif(orientation: number, littleEndian = false): Uint8Array {
  const out = new Uint8Array(26);
  const view = new DataView(out.buffer);
  out.set(littleEndian ? [0x49, 0x49] : [0x4d, 0x4d], 0);
  view.setUint16(2, 42, littleEndian);
  view.setUint32(4, 8, littleEndian);
  view.setUint16(8, 1, littleEndian); // one entry
  view.setUint16(10, TAG_ORIENTATION, littleEndian);
  view.setUint16(12, 3, littleEndian); // SHORT
  view.setUint32(14, 1, littleEndian);
  view.setUint16(18, orientation, littleEndian);
  view.setUint32(22, 0, littleEndian); // no next IFD
  return out;
}
