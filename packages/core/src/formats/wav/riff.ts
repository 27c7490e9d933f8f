/**
 * RIFF chunks (Microsoft/IBM "Multimedia Programming Interface and Data Specifications 1.0"),
 * shared with big-endian IFF (EA IFF 85, used by AIFF).
 *
 *   chunk: 4-byte id, u32 size (little-endian in RIFF, big-endian in IFF), data, one pad byte
 *   when size is odd. The file is one container chunk ("RIFF"/"RF64"/"FORM", size, form type).
 *
 * RF64/BW64 (EBU Tech 3306): the RIFF size and the data size are 0xFFFFFFFF and the real 64-bit
 * values sit in a "ds64" chunk that comes first.
 */
import type { ByteSource } from '../../bytes/source.js';
import { checkedLength } from '../../bytes/view.js';
import { MAX_RIFF_CHUNK_COUNT } from '../../bytes/limits.js';
import { FormatError, fail } from '../../issues.js';

export interface Chunk {
  readonly id: string;
  /** Offset of the chunk id. */
  readonly offset: number;
  /** Declared data length (for RF64 data chunks: the ds64 value). */
  readonly length: number;
  /** True when the 32-bit size was 0xFFFFFFFF and `length` came from elsewhere (ds64, or the end of a streamed file). */
  readonly sizeFromElsewhere: boolean;
  /** True when the chunk's pad byte is missing because the file ends first. */
  readonly padMissing: boolean;
  /** Offset just past the data and its pad byte. */
  readonly end: number;
}

export function fourcc(bytes: Uint8Array, at = 0): string {
  return String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!);
}

export interface WalkOptions {
  readonly littleEndian: boolean;
  /** Size to use for a chunk whose 32-bit size is 0xFFFFFFFF (RF64, streamed WAV), by id and data offset. */
  readonly sizeOverride?: (id: string, dataOffset: number, end: number) => number | undefined;
}

/** Walks the chunks in [start, end). Lengths past `end` are `truncated`. */
export async function walkChunks(source: ByteSource, start: number, end: number, options: WalkOptions): Promise<Chunk[]> {
  const chunks: Chunk[] = [];
  let at = start;
  while (at + 8 <= end) {
    if (chunks.length >= MAX_RIFF_CHUNK_COUNT) throw new FormatError({ code: 'limit_exceeded', offset: at, detail: 'too many chunks', limit: 'MAX_RIFF_CHUNK_COUNT', value: chunks.length });
    const header = await source.read(at, 8);
    const id = fourcc(header);
    if (!/^[\x20-\x7e]{4}$/.test(id)) fail('invalid', at, 'a chunk id is not four printable characters');
    const declared = new DataView(header.buffer, header.byteOffset, 8).getUint32(4, options.littleEndian);
    const override = declared === 0xffff_ffff ? options.sizeOverride?.(id, at + 8, end) : undefined;
    const length = checkedLength(override ?? declared, { max: end - at - 8, what: `chunk "${id}" size`, offset: at + 4 });
    const padded = 8 + length + (length & 1);
    const padMissing = at + padded > end;
    chunks.push({ id, offset: at, length, sizeFromElsewhere: override !== undefined, padMissing, end: Math.min(at + padded, end) });
    at += padded;
  }
  if (at < end && at + 8 > end) fail('truncated', at, `${end - at} stray bytes where a chunk header should be`);
  return chunks;
}

/** One chunk's data, for metadata chunks small enough to list. */
export async function chunkData(source: ByteSource, chunk: Chunk, limit: number): Promise<Uint8Array | undefined> {
  return chunk.length <= limit ? source.read(chunk.offset + 8, chunk.length) : undefined;
}

/** Sub-chunk ids of a LIST chunk's data (after the 4-byte list type). */
export function listSubchunkIds(data: Uint8Array, littleEndian: boolean): string[] {
  const ids: string[] = [];
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  for (let at = 4; at + 8 <= data.length && ids.length < MAX_RIFF_CHUNK_COUNT; ) {
    ids.push(fourcc(data, at));
    const length = view.getUint32(at + 4, littleEndian);
    at += 8 + length + (length & 1);
  }
  return ids;
}
