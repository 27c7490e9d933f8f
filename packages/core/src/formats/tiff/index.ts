/**
 * TIFF scrubber (TIFF 6.0, BigTIFF, multi-page). Values longer than an entry live elsewhere in the
 * file and image data sits at absolute offsets, so deleting entries would leave the removed values'
 * bytes behind. Instead this writes a NEW file: for every IFD of the chain, a fresh IFD holding
 * only the rendering tags (`TIFF_RENDERING_TAGS`: geometry, compression, colour, strips/tiles,
 * Orientation, ICC by default), followed by those tags' values and the strip/tile data copied byte
 * for byte, with offsets rewritten. Exif/GPS/Interop sub-IFDs, MakerNote, XMP, IPTC, Photoshop,
 * GeoTIFF, identity tags in IFD0 and private tags are simply not written.
 *
 * Camera RAW files built on TIFF (DNG, CR2, NEF…) need Make/Model and maker notes to decode and
 * keep their images in SubIFDs: they are refused with a plain reason rather than broken.
 */
import { ByteView, checkedLength } from '../../bytes/view.js';
import { MAX_TIFF_IFD_COUNT, MAX_TIFF_IFD_DEPTH, MAX_TIFF_STRIP_COUNT } from '../../bytes/limits.js';
import { PieceBuilder } from '../../bytes/pieces.js';
import { readAll, type ByteSource, type OutputPiece } from '../../bytes/source.js';
import type { MetadataItem } from '../../categories.js';
import { FormatError, fail } from '../../issues.js';
import { readTiffHeader, readUintValues, walkIfdChain, TIFF_TYPE_SIZES, type Ifd, type IfdEntry, type TiffHeader } from '../../payloads/exif-tiff/ifd.js';
import { PRIVACY_TAGS, TAG_EXIF_IFD, TAG_GPS_IFD, TAG_ICC_PROFILE, TAG_INTEROP_IFD, TAG_ORIENTATION, TAG_SUB_IFDS, TIFF_RENDERING_TAGS } from '../../payloads/exif-tiff/tags.js';
import type { FormatModule, Inspection, ScrubOptions, ScrubOutput } from '../../registry.js';

const TAG_COMPRESSION = 0x0103;
const TAG_PHOTOMETRIC = 0x0106;
const TAG_MAKE = 0x010f;
const TAG_MODEL = 0x0110;
const TAG_DNG_VERSION = 0xc612;
/** Pairs of (offsets, byte counts) tags whose offsets point at image data. */
const DATA_TAGS: ReadonlyArray<readonly [number, number, string]> = [
  [0x0111, 0x0117, 'strip'],
  [0x0144, 0x0145, 'tile'],
];
const OFFSET_TAGS = new Set([0x0111, 0x0144]);
/** Old-style JPEG (compression 6) points into the file with tags outside the allowlist. */
const OLD_JPEG = 6;
/** PhotometricInterpretation values only camera RAW uses: CFA and LinearRaw. */
const RAW_PHOTOMETRIC = new Set([32803, 34892]);

export function isTiff(head: Uint8Array): boolean {
  if (head.length < 4) return false;
  const ii = head[0] === 0x49 && head[1] === 0x49 && (head[2] === 42 || head[2] === 43) && head[3] === 0;
  const mm = head[0] === 0x4d && head[1] === 0x4d && head[2] === 0 && (head[3] === 42 || head[3] === 43);
  return ii || mm;
}

/** An IFD and the sub-images hanging off it through SubIFDs (330): pyramid levels, previews. */
interface IfdNode {
  readonly ifd: Ifd;
  readonly children: readonly IfdNode[];
}

interface TiffFile {
  readonly view: ByteView;
  readonly header: TiffHeader;
  /** The pages (the main IFD chain). */
  readonly chain: readonly Ifd[];
  readonly pages: readonly IfdNode[];
  /** Every IFD, pages and sub-IFDs, in file-walk order. */
  readonly all: readonly Ifd[];
}

function readTiff(bytes: Uint8Array): TiffFile {
  const view = new ByteView(bytes);
  const header = readTiffHeader(view);
  if (header.firstIfdOffset === 0) fail('invalid', header.bigTiff ? 8 : 4, 'TIFF has no first IFD');
  const visited = new Set<number>();
  const chain = walkIfdChain(view, header, header.firstIfdOffset, visited);
  const all: Ifd[] = [];
  const nodeOf = (ifd: Ifd, depth: number): IfdNode => {
    all.push(ifd);
    const entry = find(ifd, TAG_SUB_IFDS);
    if (entry === undefined) return { ifd, children: [] };
    if (depth >= MAX_TIFF_IFD_DEPTH) {
      throw new FormatError({ code: 'limit_exceeded', offset: entry.entryOffset, detail: 'SubIFDs nest too deep', limit: 'MAX_TIFF_IFD_DEPTH', value: depth });
    }
    const children = readUintValues(view, header, entry, MAX_TIFF_IFD_COUNT).map((offset) => {
      const [child, ...rest] = walkIfdChain(view, header, offset, visited);
      if (child === undefined) fail('invalid', entry.entryOffset, 'SubIFDs entry points at offset 0');
      if (rest.length > 0) fail('unsupported_feature', child.offset, 'a SubIFD with its own chain of next IFDs is not supported');
      return nodeOf(child, depth + 1);
    });
    return { ifd, children };
  };
  const pages = chain.map((ifd) => nodeOf(ifd, 0));
  return { view, header, chain, pages, all };
}

function find(ifd: Ifd, tag: number): IfdEntry | undefined {
  return ifd.entries.find((entry) => entry.tag === tag);
}

function firstUint(file: TiffFile, entry: IfdEntry | undefined): number | undefined {
  if (entry === undefined || entry.count < 1) return undefined;
  return readUintValues(file.view, file.header, { ...entry, count: 1 }, 1)[0];
}

/** Why this file is camera RAW (and so refused), or undefined. */
function rawReason(file: TiffFile): string | undefined {
  const { view, chain } = file;
  const ifd0 = chain[0]!;
  if (view.length >= 10 && view.ascii(8, 2) === 'CR') return 'Canon CR2 RAW';
  if (view.length >= 12 && view.ascii(8, 4) === 'IIII') return 'Phase One IIQ RAW';
  if (find(ifd0, TAG_DNG_VERSION) !== undefined) return 'DNG RAW';
  for (const ifd of file.all) if (RAW_PHOTOMETRIC.has(firstUint(file, find(ifd, TAG_PHOTOMETRIC)) ?? 0)) return 'camera RAW (CFA sensor data)';
  if (find(ifd0, TAG_SUB_IFDS) !== undefined && (find(ifd0, TAG_MAKE) !== undefined || find(ifd0, TAG_MODEL) !== undefined)) return 'camera RAW or preview set (SubIFDs with a camera make/model)';
  return undefined;
}

function refuseUnsupported(file: TiffFile): void {
  const raw = rawReason(file);
  if (raw !== undefined) {
    fail('unsupported_feature', 0, `${raw}: RAW decoders need the camera make, model and maker notes, so removing them would break the file; export a JPEG or TIFF from your RAW editor and clean that`);
  }
  for (const ifd of file.all) {
    if (firstUint(file, find(ifd, TAG_COMPRESSION)) === OLD_JPEG) fail('unsupported_feature', ifd.offset, 'old-style JPEG-in-TIFF (compression 6) is not supported');
  }
}

function valueRange(file: TiffFile, entry: IfdEntry): { offset: number; length: number } {
  const size = TIFF_TYPE_SIZES[entry.type];
  if (size === undefined) fail('invalid', entry.entryOffset, `tag ${entry.tag} has unknown field type ${entry.type}`);
  const length = checkedLength(size * entry.count, { max: file.view.length, what: `tag ${entry.tag} value size`, offset: entry.entryOffset });
  file.view.need(entry.valueOffset, length, `tag ${entry.tag} value`);
  return { offset: entry.valueOffset, length };
}

/** What an IFD entry reveals, if it is not a rendering tag. */
function classifyEntry(entry: IfdEntry, page: number, sub = false): MetadataItem | undefined {
  const where = `${page === 0 ? 'IFD0' : `page ${page + 1}`}${sub ? ' sub-image' : ''}`;
  if (entry.tag === TAG_ORIENTATION) return { category: 'orientation', label: 'TIFF Orientation', offset: entry.entryOffset };
  if (entry.tag === TAG_ICC_PROFILE) return { category: 'colour-profile', label: 'ICC colour profile', offset: entry.entryOffset };
  if (entry.tag === TAG_SUB_IFDS) return undefined; // structure: the sub-images are classified themselves
  if (TIFF_RENDERING_TAGS.has(entry.tag)) return undefined;
  if (entry.tag === TAG_GPS_IFD) return { category: 'location', label: `TIFF GPS IFD (${where})`, offset: entry.entryOffset };
  if (entry.tag === TAG_EXIF_IFD) return { category: 'device', label: `TIFF Exif IFD: camera settings, dates, serial numbers (${where})`, offset: entry.entryOffset };
  if (entry.tag === TAG_INTEROP_IFD) return { category: 'other', label: `TIFF Interop IFD (${where})`, offset: entry.entryOffset };
  const known = PRIVACY_TAGS.get(entry.tag);
  if (known !== undefined) return { category: known.category, label: `TIFF ${known.name} (${where})`, offset: entry.entryOffset };
  return { category: 'other', label: `TIFF tag ${entry.tag} (${where})`, offset: entry.entryOffset };
}

function isKept(entry: IfdEntry, options: ScrubOptions): boolean {
  if (entry.tag === TAG_ICC_PROFILE) return options.keepColourProfile;
  if (entry.tag === TAG_SUB_IFDS) return true; // rewritten to point at the rewritten sub-images
  return TIFF_RENDERING_TAGS.has(entry.tag);
}

interface DataRun {
  readonly offsets: number[];
  readonly counts: number[];
}

function imageData(file: TiffFile, ifd: Ifd): Map<number, DataRun> {
  const runs = new Map<number, DataRun>();
  for (const [offsetTag, countTag, what] of DATA_TAGS) {
    const offsetsEntry = find(ifd, offsetTag);
    const countsEntry = find(ifd, countTag);
    if (offsetsEntry === undefined && countsEntry === undefined) continue;
    if (offsetsEntry === undefined || countsEntry === undefined) fail('invalid', (offsetsEntry ?? countsEntry)!.entryOffset, `TIFF ${what} offsets without ${what} byte counts`);
    const offsets = readUintValues(file.view, file.header, offsetsEntry, MAX_TIFF_STRIP_COUNT);
    const counts = readUintValues(file.view, file.header, countsEntry, MAX_TIFF_STRIP_COUNT);
    if (offsets.length !== counts.length) fail('invalid', countsEntry.entryOffset, `TIFF has ${offsets.length} ${what} offsets but ${counts.length} byte counts`);
    offsets.forEach((offset, index) => {
      const count = checkedLength(counts[index]!, { max: Math.max(0, file.view.length - offset), what: `TIFF ${what} ${index} byte count`, offset: countsEntry.entryOffset });
      if (count > 0) file.view.need(offset, count, `TIFF ${what} ${index}`);
    });
    runs.set(offsetTag, { offsets, counts });
  }
  if (runs.size === 0) fail('invalid', ifd.offset, 'TIFF page has neither strips nor tiles');
  return runs;
}

/** Non-zero bytes of the file that no kept structure references: leftovers of removed values. */
function unreferencedBytes(file: TiffFile, options: ScrubOptions, allEntries: boolean): number {
  const { header, view } = file;
  const ranges: Array<[number, number]> = [[0, header.bigTiff ? 16 : 8]];
  const entrySize = header.bigTiff ? 20 : 12;
  const countSize = header.bigTiff ? 8 : 2;
  const pointerSize = header.bigTiff ? 8 : 4;
  const inline = header.bigTiff ? 8 : 4;
  for (const ifd of file.all) {
    ranges.push([ifd.offset, countSize + ifd.entries.length * entrySize + pointerSize]);
    for (const entry of ifd.entries) {
      if (!allEntries && !isKept(entry, options)) continue;
      const size = TIFF_TYPE_SIZES[entry.type];
      if (size === undefined) continue;
      const length = size * entry.count;
      if (length > inline && entry.valueOffset + length <= view.length) ranges.push([entry.valueOffset, length]);
    }
    for (const run of imageData(file, ifd).values()) run.offsets.forEach((offset, index) => ranges.push([offset, run.counts[index]!]));
  }
  ranges.sort((a, b) => a[0] - b[0]);
  let covered = 0;
  let stray = 0;
  const countStray = (from: number, to: number): void => {
    for (let at = from; at < to; at++) if (view.bytes[at] !== 0) stray++;
  };
  for (const [start, length] of ranges) {
    if (start > covered) countStray(covered, start);
    covered = Math.max(covered, start + length);
  }
  countStray(covered, view.length);
  return stray;
}

/**
 * Image data is copied verbatim, so it must not overlap the values of removed tags: a strip that
 * points into, say, the Artist string would carry it into the clean file unseen.
 */
function refuseDataOverMetadata(file: TiffFile, options: ScrubOptions): void {
  const inline = file.header.bigTiff ? 8 : 4;
  const removed: Array<[number, number]> = [];
  for (const ifd of file.all) {
    for (const entry of ifd.entries) {
      if (isKept(entry, options)) continue;
      const size = TIFF_TYPE_SIZES[entry.type];
      if (size === undefined) continue;
      const length = size * entry.count;
      if (length > inline && Number.isSafeInteger(length)) removed.push([entry.valueOffset, entry.valueOffset + length]);
    }
  }
  if (removed.length === 0) return;
  removed.sort((a, b) => a[0] - b[0]);
  // reach[k] = the furthest end among removed[0..k]: a data range [start, end) overlaps some removed
  // range iff, for the last removed range starting before `end`, the reach up to it passes `start`.
  const reach: number[] = [];
  removed.forEach(([, to], index) => reach.push(Math.max(to, index > 0 ? reach[index - 1]! : 0)));
  for (const ifd of file.all) {
    for (const run of imageData(file, ifd).values()) {
      run.offsets.forEach((start, index) => {
        const end = start + run.counts[index]!;
        if (end === start) return;
        let low = 0;
        let high = removed.length; // first index whose start is >= end
        while (low < high) {
          const middle = (low + high) >>> 1;
          if (removed[middle]![0] < end) low = middle + 1;
          else high = middle;
        }
        if (low > 0 && reach[low - 1]! > start) fail('invalid', start, 'TIFF image data overlaps a metadata value; copying it would carry the metadata along');
      });
    }
  }
}

function classifyFile(file: TiffFile): MetadataItem[] {
  const items: MetadataItem[] = [];
  const visit = (node: IfdNode, page: number, sub: boolean): void => {
    for (const entry of node.ifd.entries) {
      const item = classifyEntry(entry, page, sub);
      if (item !== undefined) items.push(item);
    }
    for (const child of node.children) visit(child, page, true);
  };
  file.pages.forEach((node, page) => visit(node, page, false));
  return items;
}

async function inspectTiff(source: ByteSource): Promise<Inspection> {
  const bytes = await readAll(source);
  const file = readTiff(bytes);
  refuseUnsupported(file);
  const items = classifyFile(file);
  const stray = unreferencedBytes(file, { keepColourProfile: true }, true);
  if (stray > 0) items.push({ category: 'other', label: `${stray} bytes not referenced by any IFD (left-over data)` });
  return { items, issues: [] };
}

async function scrubTiff(source: ByteSource, options: ScrubOptions): Promise<ScrubOutput> {
  const bytes = await readAll(source);
  const file = readTiff(bytes);
  refuseUnsupported(file);
  refuseDataOverMetadata(file, options);
  const all = classifyFile(file);
  const removed: MetadataItem[] = [];
  const kept: MetadataItem[] = [];
  for (const item of all) {
    if (item.category === 'orientation' || (item.category === 'colour-profile' && options.keepColourProfile)) kept.push(item);
    else removed.push(item);
  }
  const notes: string[] = [];
  if (removed.length === 0 && unreferencedBytes(file, options, false) === 0) {
    return { pieces: [{ kind: 'copy', offset: 0, length: bytes.length }], removed, kept, notes };
  }
  if (unreferencedBytes(file, options, true) > 0) removed.push({ category: 'other', label: 'bytes not referenced by any IFD (left-over data)' });
  const pieces = writeTiff(file, options);
  if (file.chain.length > 1) notes.push(`All ${file.chain.length} pages were cleaned.`);
  return { pieces, removed, kept, notes };
}

/** Little helper to write integers in the file's byte order. */
class Writer {
  private readonly parts: Uint8Array[] = [];
  length = 0;
  constructor(private readonly little: boolean) {}
  u16(value: number): void {
    const out = new Uint8Array(2);
    new DataView(out.buffer).setUint16(0, value, this.little);
    this.push(out);
  }
  u32(value: number): void {
    const out = new Uint8Array(4);
    new DataView(out.buffer).setUint32(0, value, this.little);
    this.push(out);
  }
  u64(value: number): void {
    const out = new Uint8Array(8);
    new DataView(out.buffer).setBigUint64(0, BigInt(value), this.little);
    this.push(out);
  }
  push(bytes: Uint8Array): void {
    this.parts.push(bytes);
    this.length += bytes.length;
  }
  take(): Uint8Array {
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const part of this.parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }
}

interface Laid {
  readonly pieces: OutputPiece[];
  /** Offset just past the last byte written for this IFD and its sub-images. */
  readonly end: number;
  /** Patches the next-IFD pointer in the written IFD. */
  setNext(offset: number): void;
}

/**
 * Lays out one IFD at `position`: [IFD, out-of-line values, image data, sub-images…]. Offsets are
 * known before writing because every size is known: IFD size from the kept entry count, value
 * sizes from types and counts, data sizes from the byte counts.
 */
function layoutIfd(file: TiffFile, node: IfdNode, position: number, options: ScrubOptions): Laid {
  const { header, view } = file;
  const { ifd } = node;
  const little = header.littleEndian;
  const big = header.bigTiff;
  const entrySize = big ? 20 : 12;
  const countSize = big ? 8 : 2;
  const pointerSize = big ? 8 : 4;
  const inline = big ? 8 : 4;
  const offsetSize = big ? 8 : 4;
  const maxOffset = big ? Number.MAX_SAFE_INTEGER : 0xffff_ffff;
  const entries = ifd.entries.filter((entry) => isKept(entry, options)).sort((a, b) => a.tag - b.tag);
  for (let index = 1; index < entries.length; index++) if (entries[index]!.tag === entries[index - 1]!.tag) fail('invalid', entries[index]!.entryOffset, `tag ${entries[index]!.tag} appears twice in one IFD`);
  const runs = imageData(file, ifd);
  const ifdSize = countSize + entries.length * entrySize + pointerSize;
  const isPointerTag = (tag: number): boolean => OFFSET_TAGS.has(tag) || tag === TAG_SUB_IFDS;

  // Out-of-line values, word-aligned, after the IFD (offset arrays get placeholders).
  let valuesAt = position + ifdSize;
  const valueStart = valuesAt;
  const values = new Writer(little);
  const placed: Array<{ entry: IfdEntry; type: number; count: number; value?: Uint8Array; outOfLine?: number; newOffsets?: number[] }> = [];
  for (const entry of entries) {
    let type = entry.type;
    let count = entry.count;
    let value: Uint8Array | undefined;
    if (OFFSET_TAGS.has(entry.tag)) {
      type = big ? 16 : 4; // LONG8 / LONG
      count = runs.get(entry.tag)!.offsets.length;
    } else if (entry.tag === TAG_SUB_IFDS) {
      type = big ? 18 : 13; // IFD8 / IFD
      count = node.children.length;
    } else {
      const range = valueRange(file, entry);
      value = view.slice(range.offset, range.length);
    }
    const length = isPointerTag(entry.tag) ? count * offsetSize : value!.length;
    let outOfLine: number | undefined;
    if (length > inline) {
      if (valuesAt % 2 === 1) {
        values.push(new Uint8Array(1));
        valuesAt++;
      }
      outOfLine = valuesAt;
      values.push(new Uint8Array(length)); // placeholder, filled below
      valuesAt += length;
    }
    placed.push(value === undefined ? { entry, type, count, ...(outOfLine === undefined ? {} : { outOfLine }) } : { entry, type, count, value, ...(outOfLine === undefined ? {} : { outOfLine }) });
  }
  if (valuesAt % 2 === 1) {
    values.push(new Uint8Array(1));
    valuesAt++;
  }

  // Image data, in the original order of strips/tiles.
  let dataAt = valuesAt;
  const dataPieces: Array<[number, number]> = [];
  for (const item of placed) {
    if (!OFFSET_TAGS.has(item.entry.tag)) continue;
    const run = runs.get(item.entry.tag)!;
    item.newOffsets = run.offsets.map((offset, index) => {
      const length = run.counts[index]!;
      if (length === 0) return 0;
      const at = dataAt;
      dataPieces.push([offset, length]);
      dataAt += length;
      return at;
    });
  }

  // Sub-images after the data, each word-aligned.
  const childPieces: OutputPiece[] = [];
  const childOffsets: number[] = [];
  let end = dataAt;
  for (const child of node.children) {
    if (end % 2 === 1) {
      childPieces.push({ kind: 'bytes', bytes: new Uint8Array(1) });
      end++;
    }
    const laid = layoutIfd(file, child, end, options);
    laid.setNext(0);
    childOffsets.push(end);
    childPieces.push(...laid.pieces);
    end = laid.end;
  }
  if (end > maxOffset) fail('limit_exceeded', ifd.offset, 'the cleaned TIFF would exceed 4 GiB; only BigTIFF can hold it');
  for (const item of placed) if (item.entry.tag === TAG_SUB_IFDS) item.newOffsets = childOffsets;

  // The IFD itself.
  const ifdWriter = new Writer(little);
  if (big) ifdWriter.u64(entries.length);
  else ifdWriter.u16(entries.length);
  const valueBytes = values.take();
  for (const item of placed) {
    ifdWriter.u16(item.entry.tag);
    ifdWriter.u16(item.type);
    if (big) ifdWriter.u64(item.count);
    else ifdWriter.u32(item.count);
    let value = item.value;
    if (item.newOffsets !== undefined) {
      const offsets = new Writer(little);
      for (const offset of item.newOffsets) if (big) offsets.u64(offset);
      else offsets.u32(offset);
      value = offsets.take();
    }
    if (item.outOfLine !== undefined) {
      valueBytes.set(value!, item.outOfLine - valueStart);
      if (big) ifdWriter.u64(item.outOfLine);
      else ifdWriter.u32(item.outOfLine);
    } else {
      const field = new Uint8Array(inline);
      field.set(value!, 0);
      ifdWriter.push(field);
    }
  }
  if (big) ifdWriter.u64(0);
  else ifdWriter.u32(0);
  const ifdBytes = ifdWriter.take();
  const pieces: OutputPiece[] = [{ kind: 'bytes', bytes: ifdBytes }];
  if (valueBytes.length > 0) pieces.push({ kind: 'bytes', bytes: valueBytes });
  for (const [offset, length] of dataPieces) pieces.push({ kind: 'copy', offset, length });
  pieces.push(...childPieces);
  const setNext = (offset: number): void => {
    const field = new DataView(ifdBytes.buffer, ifdBytes.byteOffset + ifdBytes.length - pointerSize, pointerSize);
    if (big) field.setBigUint64(0, BigInt(offset), little);
    else field.setUint32(0, offset, little);
  };
  return { pieces, end, setNext };
}

/** Writes the new file: header, then each page (with its sub-images), pages linked in order. */
function writeTiff(file: TiffFile, options: ScrubOptions): readonly OutputPiece[] {
  const { header, view } = file;
  const little = header.littleEndian;
  const big = header.bigTiff;
  const head = new Writer(little);
  head.push(view.slice(0, 2));
  head.u16(big ? 43 : 42);
  if (big) {
    head.u16(8);
    head.u16(0);
    head.u64(16);
  } else {
    head.u32(8);
  }
  const out = new PieceBuilder().bytes(head.take());
  let position = big ? 16 : 8;
  let previous: Laid | undefined;
  for (const page of file.pages) {
    if (position % 2 === 1) {
      out.bytes(new Uint8Array(1));
      position++;
    }
    previous?.setNext(position);
    const laid = layoutIfd(file, page, position, options);
    for (const piece of laid.pieces) {
      if (piece.kind === 'bytes') out.bytes(piece.bytes);
      else if (piece.kind === 'zeros') out.zeros(piece.length);
      else out.copy(piece.offset, piece.length);
    }
    position = laid.end;
    previous = laid;
  }
  previous?.setNext(0);
  return out.pieces;
}


export const tiff: FormatModule = {
  id: 'tiff',
  label: 'TIFF',
  family: 'photo',
  mediaType: 'image/tiff',
  extensions: ['tif', 'tiff'],
  sniff: (head) => (isTiff(head) ? 'confident' : undefined),
  inspect: inspectTiff,
  scrub: scrubTiff,
};
