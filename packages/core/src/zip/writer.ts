/**
 * Deterministic ZIP writer for document packages. Every entry gets the same DOS time
 * (1980-01-01 00:00), no extra fields, no comments, "made by" MS-DOS 2.0 with zero attributes, and
 * the UTF-8 flag only when the name needs it. Unchanged entries reuse their compressed bytes as a
 * verbatim copy of the input (the deflate stream holds only the entry's data); changed entries are
 * deflated by fflate at a fixed level, so the same input always gives the same output.
 */
import { deflateSync, strToU8 } from 'fflate';
import type { OutputPiece } from '../bytes/source.js';
import { crc32 } from '../bytes/crc32.js';
import { PieceBuilder } from '../bytes/pieces.js';
import { METHOD_DEFLATE, METHOD_STORED, type ZipEntry } from './reader.js';

/** DOS date for 1980-01-01 (day 1, month 1, year 0) and time 00:00:00. */
const DOS_DATE_1980 = 0x0021;
const DOS_TIME_MIDNIGHT = 0x0000;
const VERSION = 20;
const DEFLATE_LEVEL = 6;

export type WriteEntry =
  /** New content. `store` keeps it uncompressed (ODF `mimetype`). */
  | { readonly name: string; readonly data: Uint8Array; readonly store?: boolean }
  /** An input entry kept as it is: its compressed bytes are copied. */
  | { readonly name: string; readonly copyOf: ZipEntry };

interface Written {
  readonly nameBytes: Uint8Array;
  readonly utf8: boolean;
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly offset: number;
}

function header(signature: number, fields: readonly [number, 2 | 4][], name: Uint8Array): Uint8Array {
  let length = 4;
  for (const [, size] of fields) length += size;
  const out = new Uint8Array(length + name.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, signature, true);
  let at = 4;
  for (const [value, size] of fields) {
    if (size === 2) view.setUint16(at, value, true);
    else view.setUint32(at, value >>> 0, true);
    at += size;
  }
  out.set(name, at);
  return out;
}

export function writeZip(entries: readonly WriteEntry[]): OutputPiece[] {
  const out = new PieceBuilder();
  const written: Written[] = [];
  let offset = 0;
  for (const entry of entries) {
    const nameBytes = strToU8(entry.name);
    const utf8 = nameBytes.length !== entry.name.length;
    let method: number, crc: number, size: number, compressed: Uint8Array | undefined, compressedSize: number;
    if ('copyOf' in entry) {
      ({ method, crc, size, compressedSize } = entry.copyOf);
    } else {
      crc = crc32(entry.data);
      size = entry.data.length;
      method = entry.store === true ? METHOD_STORED : METHOD_DEFLATE;
      compressed = method === METHOD_STORED ? entry.data : deflateSync(entry.data, { level: DEFLATE_LEVEL });
      compressedSize = compressed.length;
    }
    const flags = utf8 ? 0x0800 : 0;
    const local = header(0x04034b50, [[VERSION, 2], [flags, 2], [method, 2], [DOS_TIME_MIDNIGHT, 2], [DOS_DATE_1980, 2], [crc, 4], [compressedSize, 4], [size, 4], [nameBytes.length, 2], [0, 2]], nameBytes);
    out.bytes(local);
    if (compressed !== undefined) out.bytes(compressed);
    else if ('copyOf' in entry) out.copy(entry.copyOf.dataOffset, compressedSize);
    written.push({ nameBytes, utf8, method, crc, compressedSize, size, offset });
    offset += local.length + compressedSize;
  }
  const directoryOffset = offset;
  let directorySize = 0;
  for (const entry of written) {
    const central = header(
      0x02014b50,
      [[VERSION, 2], [VERSION, 2], [entry.utf8 ? 0x0800 : 0, 2], [entry.method, 2], [DOS_TIME_MIDNIGHT, 2], [DOS_DATE_1980, 2], [entry.crc, 4], [entry.compressedSize, 4], [entry.size, 4], [entry.nameBytes.length, 2], [0, 2], [0, 2], [0, 2], [0, 2], [0, 4], [entry.offset, 4]],
      entry.nameBytes,
    );
    out.bytes(central);
    directorySize += central.length;
  }
  out.bytes(header(0x06054b50, [[0, 2], [0, 2], [written.length, 2], [written.length, 2], [directorySize, 4], [directoryOffset, 4], [0, 2]], new Uint8Array(0)));
  return [...out.pieces];
}
