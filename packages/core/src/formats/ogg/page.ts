/**
 * Ogg pages (RFC 3533 §6).
 *
 *   "OggS", version 0, header type (0x01 continued packet, 0x02 first page of a logical stream,
 *   0x04 last page), granule position (i64le), bitstream serial (u32le), page sequence (u32le),
 *   CRC (u32le), segment count, lacing values (one byte per segment), then the segments. A packet
 *   is a run of segments ending with a lacing value below 255.
 *
 * Pages are read through a window so a long file is walked without holding it in memory.
 */
import type { ByteSource } from '../../bytes/source.js';
import { MAX_OGG_PAGE_COUNT } from '../../bytes/limits.js';
import { FormatError, fail } from '../../issues.js';
import { oggCrc } from './crc.js';

export const OGG_MAGIC = [0x4f, 0x67, 0x67, 0x53] as const;
export const PAGE_HEADER_BYTES = 27;
export const FLAG_CONTINUED = 0x01;
export const FLAG_BOS = 0x02;
export const FLAG_EOS = 0x04;

/**
 * One page, as positions only: a long file has millions of pages, so lacing values are not kept
 * (`readLacing` re-reads them for the few header pages that need them).
 */
export interface OggPage {
  readonly offset: number;
  readonly flags: number;
  readonly serial: number;
  readonly sequence: number;
  readonly headerLength: number;
  readonly bodyLength: number;
  readonly end: number;
}

/** A read-ahead window over a ByteSource. */
export class WindowedReader {
  private start = 0;
  private data: Uint8Array = new Uint8Array(0);
  constructor(
    readonly source: ByteSource,
    private readonly windowBytes = 1 << 20,
  ) {}

  async read(offset: number, length: number): Promise<Uint8Array> {
    if (offset >= this.start && offset + length <= this.start + this.data.length) return this.data.subarray(offset - this.start, offset - this.start + length);
    this.start = offset;
    this.data = await this.source.read(offset, Math.max(length, this.windowBytes));
    return this.data.subarray(0, Math.min(length, this.data.length));
  }
}

/** Reads and checks the page at `at` (signature, version, lengths, CRC). */
export async function readPage(reader: WindowedReader, at: number): Promise<OggPage> {
  const size = reader.source.size;
  const head = await reader.read(at, PAGE_HEADER_BYTES);
  if (head.length < PAGE_HEADER_BYTES) fail('truncated', at, 'Ogg page header cut short');
  if (OGG_MAGIC.some((byte, index) => head[index] !== byte)) fail('invalid', at, 'no OggS capture pattern where a page should start');
  if (head[4] !== 0) fail('unsupported_feature', at + 4, `Ogg version ${head[4]}`);
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const flags = head[5]!;
  const serial = view.getUint32(14, true);
  const sequence = view.getUint32(18, true);
  const crc = view.getUint32(22, true);
  const segments = head[26]!;
  const headerLength = PAGE_HEADER_BYTES + segments;
  if (at + headerLength > size) fail('truncated', at + 26, `Ogg segment table of ${segments} entries runs past the end of the file`);
  const header = (await reader.read(at, headerLength)).slice();
  const lacing = header.subarray(PAGE_HEADER_BYTES);
  let bodyLength = 0;
  for (const value of lacing) bodyLength += value;
  if (at + headerLength + bodyLength > size) fail('truncated', at + PAGE_HEADER_BYTES, `Ogg page body of ${bodyLength} bytes runs past the end of the file`);
  const body = await reader.read(at + headerLength, bodyLength);
  header.fill(0, 22, 26);
  if (oggCrc(body, oggCrc(header)) !== crc) fail('invalid', at + 22, `Ogg page ${sequence} has a bad CRC`);
  return { offset: at, flags, serial, sequence, headerLength, bodyLength, end: at + headerLength + bodyLength };
}

/** The lacing values of a page already checked by `readPage`. */
export async function readLacing(reader: WindowedReader, page: OggPage): Promise<Uint8Array> {
  return (await reader.read(page.offset + PAGE_HEADER_BYTES, page.headerLength - PAGE_HEADER_BYTES)).slice();
}

/** Walks every page; bytes after the last page are reported through `trailing`. */
export async function walkPages(reader: WindowedReader): Promise<{ pages: OggPage[]; end: number }> {
  const pages: OggPage[] = [];
  let at = 0;
  const size = reader.source.size;
  while (at < size) {
    if (pages.length >= MAX_OGG_PAGE_COUNT) throw new FormatError({ code: 'limit_exceeded', offset: at, detail: 'too many Ogg pages', limit: 'MAX_OGG_PAGE_COUNT', value: pages.length });
    const magic = await reader.read(at, 4);
    if (pages.length > 0 && (magic.length < 4 || OGG_MAGIC.some((byte, index) => magic[index] !== byte))) break; // trailing bytes
    const page = await readPage(reader, at);
    pages.push(page);
    at = page.end;
  }
  return { pages, end: at };
}

export interface PageSpec {
  readonly flags: number;
  readonly granule: bigint;
  readonly serial: number;
  readonly sequence: number;
  readonly lacing: Uint8Array;
}

/** Writes a page header (with its CRC computed over header and `body`). */
export function pageHeader(spec: PageSpec, body: Uint8Array): Uint8Array {
  const header = new Uint8Array(PAGE_HEADER_BYTES + spec.lacing.length);
  const view = new DataView(header.buffer);
  header.set(OGG_MAGIC, 0);
  header[5] = spec.flags;
  view.setBigUint64(6, BigInt.asUintN(64, spec.granule), true);
  view.setUint32(14, spec.serial, true);
  view.setUint32(18, spec.sequence >>> 0, true);
  header[26] = spec.lacing.length;
  header.set(spec.lacing, PAGE_HEADER_BYTES);
  view.setUint32(22, oggCrc(body, oggCrc(header)), true);
  return header;
}

/** Lacing values for a packet of `length` bytes. */
export function lace(length: number): number[] {
  const values = new Array<number>(Math.floor(length / 255)).fill(255);
  values.push(length % 255);
  return values;
}
