/**
 * A small, strict ZIP reader for document packages (OOXML, ODF). It reads the central directory,
 * checks every entry against the local header, and refuses what a document never needs and an
 * attacker may use: encryption, ZIP64, methods other than stored/deflate, symlinks, path traversal
 * ("zip slip") names, duplicate names, overlapping entries and inflation past the named limits.
 * Inflation goes through fflate and is checked against the declared size and CRC-32.
 *
 * This reader is for documents only; export archives (Takeout etc.) have their own streaming reader.
 */
import { inflateSync, strFromU8 } from 'fflate';
import { crc32 } from '../bytes/crc32.js';
import { ByteView, checkedLength } from '../bytes/view.js';
import { fail, FormatError } from '../issues.js';
import { MAX_ZIP_ENTRIES, MAX_ZIP_ENTRY_BYTES, MAX_ZIP_NAME_BYTES, MAX_ZIP_RATIO, MAX_ZIP_RATIO_FREE_BYTES, MAX_ZIP_TOTAL_BYTES } from './limits.js';

export const LOCAL_HEADER_SIGNATURE = 0x04034b50;
const CENTRAL_HEADER_SIGNATURE = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY_SIGNATURE = 0x06054b50;
const END_OF_CENTRAL_DIRECTORY_BYTES = 22;
const MAX_COMMENT_BYTES = 0xffff;

export const METHOD_STORED = 0;
export const METHOD_DEFLATE = 8;

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  /** Offset of the compressed data in the file. */
  readonly dataOffset: number;
  /** Offset of the local header (for error messages). */
  readonly headerOffset: number;
  /** DOS time and date from the central directory (metadata: when the entry was saved). */
  readonly dosTime: number;
  readonly dosDate: number;
  /** Bytes of extra fields (central + local) and of the entry comment: owner ids, extra timestamps. */
  readonly extraBytes: number;
  readonly commentBytes: number;
}

export interface ZipArchive {
  readonly entries: readonly ZipEntry[];
  /** Entries by name. */
  readonly byName: ReadonlyMap<string, ZipEntry>;
  /** Length of the archive comment. */
  readonly commentBytes: number;
}

export function isZipStart(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

function findEndOfCentralDirectory(view: ByteView): number {
  const lowest = Math.max(0, view.length - END_OF_CENTRAL_DIRECTORY_BYTES - MAX_COMMENT_BYTES);
  for (let at = view.length - END_OF_CENTRAL_DIRECTORY_BYTES; at >= lowest; at--) {
    if (view.u32le(at) === END_OF_CENTRAL_DIRECTORY_SIGNATURE) return at;
  }
  return fail('invalid', view.length, 'no ZIP end-of-central-directory record');
}

/** Rejects names that could escape an extraction folder or are ambiguous. */
export function checkEntryName(name: string, offset: number): void {
  const bad =
    name.length === 0 ||
    name.startsWith('/') ||
    name.includes('\\') ||
    name.includes('\0') ||
    /^[A-Za-z]:/.test(name) ||
    name.split('/').some((segment) => segment === '..' || segment === '.');
  if (bad) fail('invalid', offset, `unsafe entry name ${JSON.stringify(name.slice(0, 80))} (absolute, traversal or backslash)`);
}

export function readZip(bytes: Uint8Array): ZipArchive {
  const view = new ByteView(bytes);
  const eocd = findEndOfCentralDirectory(view);
  const count = view.u16le(eocd + 10);
  const directorySize = view.u32le(eocd + 12);
  const directoryOffset = view.u32le(eocd + 16);
  if (count === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) fail('unsupported_feature', eocd, 'ZIP64 packages are not supported for documents');
  checkedLength(count, { max: MAX_ZIP_ENTRIES, what: 'ZIP entry count', offset: eocd + 10, limit: 'MAX_ZIP_ENTRIES' });
  checkedLength(directoryOffset + directorySize, { max: eocd, what: 'ZIP central directory end', offset: eocd + 16 });

  const entries: ZipEntry[] = [];
  const byName = new Map<string, ZipEntry>();
  let total = 0;
  let at = directoryOffset;
  for (let index = 0; index < count; index++) {
    if (view.u32le(at) !== CENTRAL_HEADER_SIGNATURE) fail('invalid', at, 'bad ZIP central directory entry signature');
    const flags = view.u16le(at + 8);
    const method = view.u16le(at + 10);
    const crc = view.u32le(at + 16);
    const compressedSize = view.u32le(at + 20);
    const size = view.u32le(at + 24);
    const nameLength = checkedLength(view.u16le(at + 28), { max: MAX_ZIP_NAME_BYTES, what: 'ZIP entry name length', offset: at + 28, limit: 'MAX_ZIP_NAME_BYTES' });
    const extraLength = view.u16le(at + 30);
    const commentLength = view.u16le(at + 32);
    const madeBy = view.u16le(at + 4);
    const external = view.u32le(at + 38);
    const headerOffset = view.u32le(at + 42);
    view.need(at + 46, nameLength + extraLength + commentLength, 'ZIP central directory entry');
    const name = strFromU8(bytes.subarray(at + 46, at + 46 + nameLength), (flags & 0x0800) === 0);
    checkEntryName(name, at + 46);
    if (flags & 0x0001) fail('encrypted', at + 8, `entry ${name} is encrypted`);
    if (method !== METHOD_STORED && method !== METHOD_DEFLATE) fail('unsupported_feature', at + 10, `entry ${name} uses compression method ${method}`);
    if (compressedSize === 0xffffffff || size === 0xffffffff || headerOffset === 0xffffffff) fail('unsupported_feature', at, 'ZIP64 entries are not supported for documents');
    const unixMode = madeBy >> 8 === 3 ? external >>> 16 : 0;
    if ((unixMode & 0o170000) === 0o120000) fail('unsupported_feature', at + 38, `entry ${name} is a symbolic link`);
    if (byName.has(name)) fail('invalid', at + 46, `entry name ${name} appears twice`);
    checkedLength(size, { max: MAX_ZIP_ENTRY_BYTES, what: `inflated size of ${name}`, offset: at + 24, limit: 'MAX_ZIP_ENTRY_BYTES' });
    total += size;
    checkedLength(total, { max: MAX_ZIP_TOTAL_BYTES, what: 'inflated size of all entries', offset: at + 24, limit: 'MAX_ZIP_TOTAL_BYTES' });
    if (size > MAX_ZIP_RATIO_FREE_BYTES && size > compressedSize * MAX_ZIP_RATIO) {
      throw new FormatError({ code: 'limit_exceeded', offset: at + 20, detail: `entry ${name} inflates ${Math.round(size / Math.max(1, compressedSize))}× (a ZIP bomb?)`, limit: 'MAX_ZIP_RATIO', value: size });
    }

    if (view.u32le(headerOffset) !== LOCAL_HEADER_SIGNATURE) fail('invalid', headerOffset, `entry ${name} has no local header`);
    const localNameLength = view.u16le(headerOffset + 26);
    const localExtraLength = view.u16le(headerOffset + 28);
    const dataOffset = headerOffset + 30 + localNameLength + localExtraLength;
    checkedLength(compressedSize, { max: Math.max(0, directoryOffset - dataOffset), what: `compressed size of ${name}`, offset: at + 20 });
    const entry: ZipEntry = {
      name, method, crc, compressedSize, size, dataOffset, headerOffset,
      dosTime: view.u16le(at + 12), dosDate: view.u16le(at + 14),
      extraBytes: extraLength + localExtraLength, commentBytes: commentLength,
    };
    entries.push(entry);
    byName.set(name, entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  // Entries must not overlap (overlapping entries are the classic non-recursive zip bomb).
  const sorted = [...entries].sort((a, b) => a.headerOffset - b.headerOffset);
  for (let index = 1; index < sorted.length; index++) {
    const previous = sorted[index - 1]!;
    if (previous.dataOffset + previous.compressedSize > sorted[index]!.headerOffset) fail('invalid', sorted[index]!.headerOffset, `entries ${previous.name} and ${sorted[index]!.name} overlap`);
  }
  return { entries, byName, commentBytes: view.u16le(eocd + 20) };
}

/** Inflates one entry into a buffer of exactly its declared size, then checks the CRC-32. */
export function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const raw = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  let data: Uint8Array;
  if (entry.method === METHOD_STORED) {
    if (entry.compressedSize !== entry.size) fail('invalid', entry.headerOffset, `stored entry ${entry.name} has different sizes`);
    data = raw;
  } else {
    try {
      // A buffer of the declared size: fflate does not grow a buffer it was given, so a stream
      // that inflates past its declared size cannot allocate more (and fails the CRC below).
      data = inflateSync(raw, { out: new Uint8Array(entry.size) });
    } catch (error) {
      fail('invalid', entry.dataOffset, `entry ${entry.name} does not inflate: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (data.length !== entry.size) fail('invalid', entry.dataOffset, `entry ${entry.name} inflates to ${data.length} bytes, not the declared ${entry.size}`);
  }
  if (crc32(data) !== entry.crc) fail('invalid', entry.dataOffset, `entry ${entry.name} fails its CRC-32 check`);
  return data;
}

export function entryText(bytes: Uint8Array, entry: ZipEntry): string {
  return strFromU8(entryData(bytes, entry));
}
