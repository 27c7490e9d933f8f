/**
 * FLAC metadata blocks (RFC 9639 §8).
 *
 *   "fLaC", then blocks: 1 bit last-block flag, 7-bit type, 24-bit big-endian length, body.
 *   Types: 0 STREAMINFO (first, 34 bytes), 1 PADDING, 2 APPLICATION, 3 SEEKTABLE,
 *   4 VORBIS_COMMENT, 5 CUESHEET, 6 PICTURE, 7–126 reserved, 127 forbidden.
 *   Audio frames follow the last block, each starting with the sync code 0xFFF8 or 0xFFF9.
 *
 * SEEKTABLE offsets count from the first frame, so removing blocks does not move them.
 */
import type { ByteSource } from '../../bytes/source.js';
import { checkedLength } from '../../bytes/view.js';
import { MAX_FLAC_BLOCK_COUNT } from '../../bytes/limits.js';
import { FormatError, fail } from '../../issues.js';

export const FLAC_MAGIC = [0x66, 0x4c, 0x61, 0x43] as const;
export const BLOCK_TYPE = { STREAMINFO: 0, PADDING: 1, APPLICATION: 2, SEEKTABLE: 3, VORBIS_COMMENT: 4, CUESHEET: 5, PICTURE: 6 } as const;
export const BLOCK_NAMES = ['STREAMINFO', 'PADDING', 'APPLICATION', 'SEEKTABLE', 'VORBIS_COMMENT', 'CUESHEET', 'PICTURE'];

export interface FlacBlock {
  readonly type: number;
  readonly last: boolean;
  /** Offset of the 4-byte block header. */
  readonly offset: number;
  readonly length: number;
}

export interface FlacLayout {
  /** Offset of "fLaC". */
  readonly start: number;
  readonly blocks: readonly FlacBlock[];
  /** Offset of the first audio frame. */
  readonly audioStart: number;
}

export function blockName(type: number): string {
  return BLOCK_NAMES[type] ?? `reserved block type ${type}`;
}

/** Walks the metadata blocks of a FLAC stream starting at `start` and ending before `end`. */
export async function walkFlac(source: ByteSource, start: number, end: number): Promise<FlacLayout> {
  const magic = await source.read(start, 4);
  if (magic.length < 4 || FLAC_MAGIC.some((byte, index) => magic[index] !== byte)) fail('invalid', start, 'no fLaC signature');
  const blocks: FlacBlock[] = [];
  let at = start + 4;
  for (;;) {
    if (blocks.length >= MAX_FLAC_BLOCK_COUNT) {
      throw new FormatError({ code: 'limit_exceeded', offset: at, detail: 'too many FLAC metadata blocks', limit: 'MAX_FLAC_BLOCK_COUNT', value: blocks.length });
    }
    const header = await source.read(at, 4);
    if (header.length < 4) fail('truncated', at, 'FLAC metadata ends without a last-block flag');
    const type = header[0]! & 0x7f;
    const last = (header[0]! & 0x80) !== 0;
    if (type === 127) fail('invalid', at, 'FLAC block type 127 is forbidden');
    const length = checkedLength((header[1]! << 16) | (header[2]! << 8) | header[3]!, { max: end - at - 4, what: `FLAC ${blockName(type)} block length`, offset: at });
    if (blocks.length === 0 && (type !== BLOCK_TYPE.STREAMINFO || length !== 34)) fail('invalid', at, 'the first FLAC block is not a 34-byte STREAMINFO');
    if (blocks.length > 0 && type === BLOCK_TYPE.STREAMINFO) fail('invalid', at, 'a second STREAMINFO block');
    blocks.push({ type, last, offset: at, length });
    at += 4 + length;
    if (last) break;
  }
  if (at < end) {
    const sync = await source.read(at, 2);
    if (sync.length === 2 && (sync[0] !== 0xff || (sync[1]! & 0xfe) !== 0xf8)) fail('invalid', at, 'no FLAC frame sync after the metadata blocks');
  }
  return { start, blocks, audioStart: at };
}
