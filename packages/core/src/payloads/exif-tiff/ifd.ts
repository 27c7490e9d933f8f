/**
 * TIFF structure reader shared by EXIF (JPEG APP1, PNG eXIf, WebP EXIF, HEIF Exif items) and TIFF
 * files. TIFF 6.0: https://www.itu.int/itudoc/itu-t/com16/tiff-fx/docs/tiff6.pdf
 *
 *   header: "II*\0" (little-endian) or "MM\0*" (big-endian), then a u32 offset of IFD0
 *   IFD:    u16 count, count × 12-byte entries (tag u16, type u16, count u32, value-or-offset u32),
 *           then the u32 offset of the next IFD (0 ends the chain)
 *
 * Values of 4 bytes or fewer sit in the entry; longer ones live at the offset. BigTIFF ("II+\0")
 * uses 8-byte counts and offsets and 20-byte entries.
 */
import { ByteView, checkedLength } from '../../bytes/view.js';
import { MAX_TIFF_IFD_COUNT, MAX_TIFF_IFD_ENTRIES } from '../../bytes/limits.js';
import { FormatError, fail } from '../../issues.js';

/** Byte size of one value of each TIFF field type (1-based type codes; 0 = unknown). */
export const TIFF_TYPE_SIZES: Readonly<Record<number, number>> = {
  1: 1, // BYTE
  2: 1, // ASCII
  3: 2, // SHORT
  4: 4, // LONG
  5: 8, // RATIONAL
  6: 1, // SBYTE
  7: 1, // UNDEFINED
  8: 2, // SSHORT
  9: 4, // SLONG
  10: 8, // SRATIONAL
  11: 4, // FLOAT
  12: 8, // DOUBLE
  13: 4, // IFD
  16: 8, // LONG8 (BigTIFF)
  17: 8, // SLONG8
  18: 8, // IFD8
};

export interface TiffHeader {
  readonly littleEndian: boolean;
  readonly bigTiff: boolean;
  readonly firstIfdOffset: number;
}

export interface IfdEntry {
  readonly tag: number;
  readonly type: number;
  readonly count: number;
  /** Offset of the entry itself in the TIFF data. */
  readonly entryOffset: number;
  /** Offset of the value bytes (inside the entry when they fit, else the pointed-to offset). */
  readonly valueOffset: number;
  /** Byte length of the value (type size × count); 0 for unknown types. */
  readonly valueLength: number;
}

export interface Ifd {
  readonly offset: number;
  readonly entries: readonly IfdEntry[];
  readonly nextIfdOffset: number;
}

export function readTiffHeader(view: ByteView, at = 0): TiffHeader {
  const order = view.ascii(at, 2);
  if (order !== 'II' && order !== 'MM') fail('invalid', at, 'not a TIFF byte-order mark');
  const littleEndian = order === 'II';
  const magic = view.u16(at + 2, littleEndian);
  if (magic === 42) return { littleEndian, bigTiff: false, firstIfdOffset: view.u32(at + 4, littleEndian) };
  if (magic === 43) {
    if (view.u16(at + 4, littleEndian) !== 8) fail('invalid', at + 4, 'BigTIFF offset size is not 8');
    return { littleEndian, bigTiff: true, firstIfdOffset: view.u64(at + 8, littleEndian) };
  }
  return fail('invalid', at + 2, `TIFF magic ${magic} is neither 42 nor 43`);
}

/** Reads one IFD. Offsets are relative to the TIFF header at `base`; checked against the data. */
export function readIfd(view: ByteView, header: TiffHeader, offset: number, base = 0): Ifd {
  const little = header.littleEndian;
  const at = base + offset;
  const countSize = header.bigTiff ? 8 : 2;
  const entrySize = header.bigTiff ? 20 : 12;
  const pointerSize = header.bigTiff ? 8 : 4;
  const rawCount = header.bigTiff ? view.u64(at, little) : view.u16(at, little);
  const count = checkedLength(rawCount, { max: MAX_TIFF_IFD_ENTRIES, what: 'IFD entry count', offset: at, limit: 'MAX_TIFF_IFD_ENTRIES' });
  view.need(at, countSize + count * entrySize + pointerSize, 'IFD');
  const entries: IfdEntry[] = [];
  for (let index = 0; index < count; index++) {
    const entryOffset = at + countSize + index * entrySize;
    const tag = view.u16(entryOffset, little);
    const type = view.u16(entryOffset + 2, little);
    const valueCount = header.bigTiff ? view.u64(entryOffset + 4, little) : view.u32(entryOffset + 4, little);
    const typeSize = TIFF_TYPE_SIZES[type] ?? 0;
    const valueLength = typeSize * valueCount;
    const inlineSize = header.bigTiff ? 8 : 4;
    const fieldOffset = entryOffset + (header.bigTiff ? 12 : 8);
    let valueOffset: number;
    if (valueLength <= inlineSize) {
      valueOffset = fieldOffset;
    } else {
      valueOffset = base + (header.bigTiff ? view.u64(fieldOffset, little) : view.u32(fieldOffset, little));
    }
    entries.push({ tag, type, count: valueCount, entryOffset, valueOffset, valueLength });
  }
  const pointerAt = at + countSize + count * entrySize;
  const nextIfdOffset = header.bigTiff ? view.u64(pointerAt, little) : view.u32(pointerAt, little);
  return { offset, entries, nextIfdOffset };
}

/** Reads an entry's values as unsigned integers (BYTE, SHORT, LONG, LONG8, IFD types). */
export function readUintValues(view: ByteView, header: TiffHeader, entry: IfdEntry, maxCount: number): number[] {
  const count = checkedLength(entry.count, { max: maxCount, what: `tag ${entry.tag} value count`, offset: entry.entryOffset, limit: 'value count limit' });
  const size = TIFF_TYPE_SIZES[entry.type] ?? 0;
  view.need(entry.valueOffset, size * count, `tag ${entry.tag} values`);
  const values: number[] = [];
  for (let index = 0; index < count; index++) {
    const at = entry.valueOffset + index * size;
    switch (entry.type) {
      case 1:
      case 7:
        values.push(view.u8(at));
        break;
      case 3:
        values.push(view.u16(at, header.littleEndian));
        break;
      case 4:
      case 13:
        values.push(view.u32(at, header.littleEndian));
        break;
      case 16:
      case 18:
        values.push(view.u64(at, header.littleEndian));
        break;
      default:
        throw new FormatError({ code: 'invalid', offset: entry.entryOffset, detail: `tag ${entry.tag} has non-integer type ${entry.type}` });
    }
  }
  return values;
}

/**
 * Walks an IFD chain from `first`, following next-IFD pointers, refusing loops and overlong chains.
 * `visited` is shared across chains of one file so sub-IFD loops are caught too.
 */
export function walkIfdChain(view: ByteView, header: TiffHeader, first: number, visited: Set<number>, base = 0): Ifd[] {
  const chain: Ifd[] = [];
  let offset = first;
  while (offset !== 0) {
    if (visited.has(offset)) fail('loop', base + offset, 'IFD chain points back to an IFD already read');
    if (visited.size >= MAX_TIFF_IFD_COUNT) {
      throw new FormatError({ code: 'limit_exceeded', offset: base + offset, detail: 'too many IFDs', limit: 'MAX_TIFF_IFD_COUNT', value: visited.size });
    }
    visited.add(offset);
    const ifd = readIfd(view, header, offset, base);
    chain.push(ifd);
    offset = ifd.nextIfdOffset;
  }
  return chain;
}
