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
import { MAX_TIFF_IFD_COUNT, MAX_TIFF_STRIP_COUNT } from '../../bytes/limits.js';
import { PieceBuilder } from '../../bytes/pieces.js';
import { readAll, type ByteSource } from '../../bytes/source.js';
import type { MetadataItem } from '../../categories.js';
import { fail } from '../../issues.js';
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

interface TiffFile {
  readonly view: ByteView;
  readonly header: TiffHeader;
  readonly chain: readonly Ifd[];
}

function readTiff(bytes: Uint8Array): TiffFile {
  const view = new ByteView(bytes);
  const header = readTiffHeader(view);
  if (header.firstIfdOffset === 0) fail('invalid', header.bigTiff ? 8 : 4, 'TIFF has no first IFD');
  const chain = walkIfdChain(view, header, header.firstIfdOffset, new Set<number>());
  return { view, header, chain };
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
  for (const ifd of chain) if (RAW_PHOTOMETRIC.has(firstUint(file, find(ifd, TAG_PHOTOMETRIC)) ?? 0)) return 'camera RAW (CFA sensor data)';
  if (find(ifd0, TAG_SUB_IFDS) !== undefined && (find(ifd0, TAG_MAKE) !== undefined || find(ifd0, TAG_MODEL) !== undefined)) return 'camera RAW or preview set (SubIFDs with a camera make/model)';
  return undefined;
}

function refuseUnsupported(file: TiffFile): void {
  const raw = rawReason(file);
  if (raw !== undefined) {
    fail('unsupported_feature', 0, `${raw}: RAW decoders need the camera make, model and maker notes, so removing them would break the file; export a JPEG or TIFF from your RAW editor and clean that`);
  }
  for (const ifd of file.chain) {
    const subIfds = find(ifd, TAG_SUB_IFDS);
    if (subIfds !== undefined) fail('unsupported_feature', subIfds.entryOffset, 'TIFF with SubIFDs (extra images hanging off a page) is not supported yet');
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
function classifyEntry(entry: IfdEntry, page: number, keepIcc: boolean): MetadataItem | undefined {
  const where = page === 0 ? 'IFD0' : `page ${page + 1}`;
  if (entry.tag === TAG_ORIENTATION) return { category: 'orientation', label: 'TIFF Orientation', offset: entry.entryOffset };
  if (entry.tag === TAG_ICC_PROFILE) return { category: 'colour-profile', label: 'ICC colour profile', offset: entry.entryOffset };
  void keepIcc;
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
  for (const ifd of file.chain) {
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

function classifyFile(file: TiffFile, options: ScrubOptions): MetadataItem[] {
  const items: MetadataItem[] = [];
  file.chain.forEach((ifd, page) => {
    for (const entry of ifd.entries) {
      const item = classifyEntry(entry, page, options.keepColourProfile);
      if (item !== undefined) items.push(item);
    }
  });
  return items;
}

async function inspectTiff(source: ByteSource): Promise<Inspection> {
  const bytes = await readAll(source);
  const file = readTiff(bytes);
  refuseUnsupported(file);
  const items = classifyFile(file, { keepColourProfile: true });
  const stray = unreferencedBytes(file, { keepColourProfile: true }, true);
  if (stray > 0) items.push({ category: 'other', label: `${stray} bytes not referenced by any IFD (left-over data)` });
  return { items, issues: [] };
}

async function scrubTiff(source: ByteSource, options: ScrubOptions): Promise<ScrubOutput> {
  const bytes = await readAll(source);
  const file = readTiff(bytes);
  refuseUnsupported(file);
  const all = classifyFile(file, options);
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

/**
 * Lays out the new file: header, then per page [IFD, out-of-line values, image data]. Offsets are
 * known before writing because every size is known: IFD size from the kept entry count, value
 * sizes from types and counts, data sizes from the byte counts.
 */
function writeTiff(file: TiffFile, options: ScrubOptions): OutputPieceList {
  const { header, view } = file;
  const little = header.littleEndian;
  const big = header.bigTiff;
  const entrySize = big ? 20 : 12;
  const countSize = big ? 8 : 2;
  const pointerSize = big ? 8 : 4;
  const inline = big ? 8 : 4;
  const offsetType = big ? 16 : 4;
  const offsetSize = big ? 8 : 4;
  const maxOffset = big ? Number.MAX_SAFE_INTEGER : 0xffff_ffff;
  const out = new PieceBuilder();
  const head = new Writer(little);
  head.push(view.slice(0, 2));
  head.u16(big ? 43 : 42);
  if (big) {
    head.u16(8);
    head.u16(0);
    head.u64(big ? 16 : 8);
  } else {
    head.u32(8);
  }
  out.bytes(head.take());
  let position = big ? 16 : 8;
  if (file.chain.length > MAX_TIFF_IFD_COUNT) fail('invalid', 0, 'too many pages');

  file.chain.forEach((ifd, page) => {
    const entries = ifd.entries.filter((entry) => isKept(entry, options)).sort((a, b) => a.tag - b.tag);
    const runs = imageData(file, ifd);
    for (let index = 1; index < entries.length; index++) if (entries[index]!.tag === entries[index - 1]!.tag) fail('invalid', entries[index]!.entryOffset, `tag ${entries[index]!.tag} appears twice in one IFD`);
    const ifdSize = countSize + entries.length * entrySize + pointerSize;
    // Out-of-line values, word-aligned, after the IFD.
    let valuesAt = position + ifdSize;
    const placed: Array<{ entry: IfdEntry; type: number; count: number; value: Uint8Array | undefined; outOfLine: number | undefined; newOffsets?: number[] }> = [];
    const values = new Writer(little);
    const valueStart = valuesAt;
    for (const entry of entries) {
      let type = entry.type;
      let count = entry.count;
      let value: Uint8Array | undefined;
      if (OFFSET_TAGS.has(entry.tag)) {
        type = offsetType;
        count = runs.get(entry.tag)!.offsets.length;
        value = undefined; // filled once data positions are known
      } else {
        const range = valueRange(file, entry);
        value = view.slice(range.offset, range.length);
      }
      const length = OFFSET_TAGS.has(entry.tag) ? count * offsetSize : value!.length;
      let outOfLine: number | undefined;
      if (length > inline) {
        if (valuesAt % 2 === 1) {
          values.push(new Uint8Array(1));
          valuesAt++;
        }
        outOfLine = valuesAt;
        values.push(new Uint8Array(length)); // placeholder; real bytes written below
        valuesAt += length;
      }
      placed.push({ entry, type, count, value, outOfLine });
    }
    if (valuesAt % 2 === 1) valuesAt++;
    // Image data follows the values, in the original order of strips/tiles.
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
    if (dataAt > maxOffset) fail('limit_exceeded', ifd.offset, 'the cleaned TIFF would exceed 4 GiB; use BigTIFF');
    const next = page + 1 < file.chain.length ? dataAt + (dataAt % 2) : 0;

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
        const w = new Writer(little);
        for (const offset of item.newOffsets) if (big) w.u64(offset);
        else w.u32(offset);
        value = w.take();
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
    if (big) ifdWriter.u64(next);
    else ifdWriter.u32(next);
    out.bytes(ifdWriter.take());
    out.bytes(valueBytes);
    if (valueStart + valueBytes.length < valuesAt) out.bytes(new Uint8Array(valuesAt - valueStart - valueBytes.length));
    for (const [offset, length] of dataPieces) out.copy(offset, length);
    if (next !== 0 && next > dataAt) out.bytes(new Uint8Array(next - dataAt));
    position = next;
  });
  return out.pieces;
}

type OutputPieceList = ScrubOutput['pieces'];

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
