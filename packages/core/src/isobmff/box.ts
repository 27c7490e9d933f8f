/**
 * ISO base media file format (ISO/IEC 14496-12) box headers, shared by HEIF (HEIC, AVIF) and the
 * QuickTime family (MP4, MOV, M4V, 3GP, M4A). A box is `size:u32 type:4cc`, then `largesize:u64`
 * when size is 1, then a 16-byte extended type when the type is `uuid`. Size 0 means "to the end of
 * the file" and is only legal for the last top-level box.
 *
 * Every size is checked against its parent's end (or the end of the stream): a child larger than
 * its parent, a size smaller than its own header, or a size past the end is a typed error carrying
 * the offset of the box. Two walkers share the checks: `walkTopLevel` reads only headers through a
 * ByteSource (videos are gigabytes; `mdat` is never loaded), and `walkChildren` walks a box already
 * held in memory.
 */
import { MAX_ISOBMFF_BOX_COUNT, MAX_ISOBMFF_DEPTH } from '../bytes/limits.js';
import type { ByteSource } from '../bytes/source.js';
import { ByteView } from '../bytes/view.js';
import { FormatError, fail } from '../issues.js';

export interface Box {
  readonly type: string;
  /** Absolute offset of the first header byte in the file. */
  readonly start: number;
  /** 8, 16 (64-bit size), +16 for `uuid`. */
  readonly headerSize: number;
  /** Absolute end (exclusive). */
  readonly end: number;
  /** The declared size was 0 ("to the end of the file"). */
  readonly toEnd: boolean;
  /** The extended type of a `uuid` box, as 32 lower-case hex digits. */
  readonly uuid?: string;
}

export function payloadStart(box: Box): number {
  return box.start + box.headerSize;
}

/** Bytes from the start of a header that we need to decode it fully. */
const MAX_HEADER_BYTES = 32;

/**
 * Decodes one box header from `head` (the bytes at absolute offset `start`), bounded by
 * `parentEnd`. `allowToEnd` is true only at the top level.
 */
export function decodeHeader(head: Uint8Array, start: number, parentEnd: number, allowToEnd: boolean): Box {
  const view = new ByteView(head);
  if (head.length < 8) fail('truncated', start, `box header needs 8 bytes, ${parentEnd - start} left`);
  const size32 = view.u32be(0);
  const type = fourcc(head, 0 + 4);
  let headerSize = 8;
  let size: number;
  let toEnd = false;
  if (size32 === 1) {
    if (head.length < 16) fail('truncated', start, `box '${printable(type)}' declares a 64-bit size but the data ends`);
    try {
      size = view.u64be(8);
    } catch (error) {
      if (error instanceof FormatError) fail('limit_exceeded', start, `box '${printable(type)}' declares a 64-bit size beyond 2^53`);
      throw error;
    }
    headerSize = 16;
  } else if (size32 === 0) {
    if (!allowToEnd) fail('invalid', start, `box '${printable(type)}' has size 0 ("to end of file") inside another box`);
    size = parentEnd - start;
    toEnd = true;
  } else {
    size = size32;
  }
  let uuid: string | undefined;
  if (type === 'uuid') {
    if (head.length < headerSize + 16) fail('truncated', start, `uuid box header is cut short`);
    uuid = hex(head.subarray(headerSize, headerSize + 16));
    headerSize += 16;
  }
  if (size < headerSize) fail('invalid', start, `box '${printable(type)}' declares size ${size}, smaller than its ${headerSize}-byte header`);
  if (start + size > parentEnd) fail('truncated', start, `box '${printable(type)}' (${size} bytes) runs past the end of its parent or the file (room for ${parentEnd - start})`);
  const box: Box = { type, start, headerSize, end: start + size, toEnd };
  return uuid === undefined ? box : { ...box, uuid };
}

/** Walks the top-level boxes of a file, reading only their headers. */
export async function walkTopLevel(source: ByteSource): Promise<Box[]> {
  const boxes: Box[] = [];
  let at = 0;
  while (at < source.size) {
    if (boxes.length >= MAX_ISOBMFF_BOX_COUNT) fail('limit_exceeded', at, `more than MAX_ISOBMFF_BOX_COUNT (${MAX_ISOBMFF_BOX_COUNT}) top-level boxes`);
    const head = await source.read(at, MAX_HEADER_BYTES);
    const box = decodeHeader(head, at, source.size, true);
    boxes.push(box);
    at = box.end; // always advances: size >= header size >= 8
  }
  return boxes;
}

/**
 * Walks the children of an in-memory box. `bytes` holds the file's bytes from absolute offset
 * `base`; children are read from [start, end). A QuickTime list may end with a 32-bit zero
 * terminator (or fewer than 8 bytes of padding): those are returned as `tail` and kept verbatim.
 */
export function walkChildren(bytes: Uint8Array, base: number, start: number, end: number, depth: number): { children: Box[]; tail: number } {
  if (depth > MAX_ISOBMFF_DEPTH) fail('limit_exceeded', start, `boxes nested deeper than MAX_ISOBMFF_DEPTH (${MAX_ISOBMFF_DEPTH})`);
  if (end - base > bytes.length || start < base) fail('truncated', start, 'container runs past the data read');
  const children: Box[] = [];
  let at = start;
  while (at < end) {
    const left = end - at;
    if (left < 8 || (left >= 4 && readU32(bytes, at - base) === 0 && isZero(bytes.subarray(at - base, end - base)))) {
      if (!isZero(bytes.subarray(at - base, end - base))) fail('truncated', at, `${left} stray bytes at the end of a container`);
      return { children, tail: left };
    }
    if (children.length >= MAX_ISOBMFF_BOX_COUNT) fail('limit_exceeded', at, `more than MAX_ISOBMFF_BOX_COUNT (${MAX_ISOBMFF_BOX_COUNT}) boxes in one container`);
    const box = decodeHeader(bytes.subarray(at - base, Math.min(end - base, at - base + MAX_HEADER_BYTES)), at, end, false);
    children.push(box);
    at = box.end;
  }
  return { children, tail: 0 };
}

export function fourcc(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at] ?? 0, bytes[at + 1] ?? 0, bytes[at + 2] ?? 0, bytes[at + 3] ?? 0);
}

/** A FourCC safe to print in messages (QuickTime uses 0xA9 '©'; hostile files use anything). */
export function printable(type: string): string {
  return type.replace(/[^\x20-\x7e\xa9]/g, '?');
}

function readU32(bytes: Uint8Array, at: number): number {
  return ((bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!) >>> 0;
}

export function isZero(bytes: Uint8Array): boolean {
  for (let index = 0; index < bytes.length; index++) if (bytes[index] !== 0) return false;
  return true;
}

function hex(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += byte.toString(16).padStart(2, '0');
  return text;
}
