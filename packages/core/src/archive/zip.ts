/**
 * ZIP reading over a ByteSource, for platform exports (Takeout parts of 50 GB, Snapchat parts of
 * 2 GB). The central directory is read first (never the local headers in sequence, which a hostile
 * or damaged archive can make disagree with it); each entry is then judged before a byte of it is
 * inflated, and inflated as a stream, chunk by chunk, so memory stays bounded whatever the
 * entry's size: with the platform's native `DecompressionStream('deflate-raw')` where it exists
 * (browsers, Node ≥ 20.12; zlib speed, ~3× fflate's streaming `Inflate` here), else with fflate.
 *
 * Layout (APPNOTE.TXT 6.3.10): local header + data per entry … central directory … [ZIP64 end
 * record + locator] end-of-central-directory record (EOCD, last 22–65 557 bytes).
 *
 * Refused per entry, each with a reason (the caller reports it and goes on with the others):
 * zip-slip names (`..`, absolute, drive letters, backslashes, NUL), symbolic links and device/FIFO
 * entries (Unix mode in the external attributes), encryption, unknown methods, sizes over
 * MAX_ZIP_ENTRY_BYTES, ratios over MAX_ZIP_COMPRESSION_RATIO, and the archive's running total over
 * MAX_ZIP_TOTAL_BYTES. While inflating, output beyond the declared size (a lying header) and CRC
 * mismatches are errors too.
 */
import { Inflate } from 'fflate';
import type { ByteSource } from '../bytes/source.js';
import { FormatError, fail } from '../issues.js';
import { crc32Fast as crc32 } from './crc32-fast.js';
import {
  MAX_ZIP_CENTRAL_DIRECTORY_BYTES, MAX_ZIP_COMPRESSION_RATIO, MAX_ZIP_ENTRIES, MAX_ZIP_ENTRY_BYTES, MAX_ZIP_TOTAL_BYTES, ZIP_RATIO_MIN_BYTES,
} from '../bytes/limits.js';

const SIG_EOCD = 0x06054b50; // "PK\5\6"
const SIG_ZIP64_LOCATOR = 0x07064b50; // "PK\6\7"
const SIG_ZIP64_EOCD = 0x06064b50; // "PK\6\6"
const SIG_CENTRAL = 0x02014b50; // "PK\1\2"
const SIG_LOCAL = 0x04034b50; // "PK\3\4"
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
/** Compressed bytes read per step while inflating. */
const READ_CHUNK = 1024 * 1024;

export interface ZipLimits {
  readonly maxEntries: number;
  readonly maxEntryBytes: number;
  readonly maxTotalBytes: number;
  readonly maxRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: MAX_ZIP_ENTRIES,
  maxEntryBytes: MAX_ZIP_ENTRY_BYTES,
  maxTotalBytes: MAX_ZIP_TOTAL_BYTES,
  maxRatio: MAX_ZIP_COMPRESSION_RATIO,
};

export interface ZipEntry {
  /** Name as stored (UTF-8 or CP437 decoded), '/'-separated. */
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly crc: number;
  readonly localHeaderOffset: number;
  readonly isDirectory: boolean;
}

export interface RefusedZipEntry {
  readonly name: string;
  readonly reason: string;
}

export interface ZipDirectory {
  readonly entries: readonly ZipEntry[];
  readonly refused: readonly RefusedZipEntry[];
}

function u16(b: Uint8Array, at: number): number {
  return b[at]! | (b[at + 1]! << 8);
}
function u32(b: Uint8Array, at: number): number {
  return (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
}
function u64(b: Uint8Array, at: number): number {
  const value = u32(b, at) + u32(b, at + 4) * 0x1_0000_0000;
  if (!Number.isSafeInteger(value)) fail('limit_exceeded', at, 'a ZIP64 size or offset beyond 2^53');
  return value;
}

/** True when the first bytes look like a ZIP (local header, or an empty archive's EOCD). */
export function looksLikeZip(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && ((head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6));
}

const CP437_HIGH = 'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■ ';

function decodeName(bytes: Uint8Array, utf8Flag: boolean): string {
  let ascii = true;
  for (const byte of bytes) if (byte >= 0x80) { ascii = false; break; }
  if (ascii) return String.fromCharCode(...bytes);
  if (utf8Flag) return utf8(bytes);
  // Many tools write UTF-8 without setting bit 11; try it strictly before CP437.
  try {
    return utf8(bytes, true);
  } catch {
    let out = '';
    for (const byte of bytes) out += byte < 0x80 ? String.fromCharCode(byte) : CP437_HIGH[byte - 0x80]!;
    return out;
  }
}

interface Decoder { decode(input?: Uint8Array, options?: { stream?: boolean }): string }
type DecoderConstructor = new (label?: string, options?: { fatal?: boolean }) => Decoder;
const TextDecoderImpl = (globalThis as unknown as { TextDecoder: DecoderConstructor }).TextDecoder;

function utf8(bytes: Uint8Array, fatal = false): string {
  return new TextDecoderImpl('utf-8', { fatal }).decode(bytes);
}

/** Why a name must not be used as a path, or undefined when it is safe. */
export function unsafeNameReason(name: string): string | undefined {
  if (name.length === 0) return 'empty name';
  if (name.includes('\0')) return 'NUL in name';
  if (name.includes('\\')) return 'backslash in name (a Windows path separator: could escape the folder)';
  if (name.startsWith('/')) return 'absolute path';
  if (/^[A-Za-z]:/.test(name)) return 'drive-letter path';
  if (name.split('/').some((part) => part === '..')) return "'..' in path (zip-slip)";
  return undefined;
}

/** Reads and validates the central directory. Throws FormatError only when the archive as a whole is unreadable. */
export async function readZipDirectory(source: ByteSource, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipDirectory> {
  const tailLength = Math.min(source.size, EOCD_SIZE + MAX_COMMENT);
  const tailStart = source.size - tailLength;
  const tail = await source.read(tailStart, tailLength);
  let eocd = -1;
  for (let at = tail.length - EOCD_SIZE; at >= 0; at--) {
    if (u32(tail, at) === SIG_EOCD && at + EOCD_SIZE + u16(tail, at + 20) <= tail.length) { eocd = at; break; }
  }
  if (eocd < 0) fail('invalid', source.size, 'no ZIP end-of-central-directory record (not a ZIP, or truncated)');
  const disk = u16(tail, eocd + 4);
  const cdDisk = u16(tail, eocd + 6);
  let count = u16(tail, eocd + 10);
  let cdSize = u32(tail, eocd + 12);
  let cdOffset = u32(tail, eocd + 16);
  if ((disk !== 0 && disk !== 0xffff) || (cdDisk !== 0 && cdDisk !== 0xffff)) {
    throw new FormatError({ code: 'unsupported_feature', offset: tailStart + eocd, detail: 'a split (multi-disk) ZIP; join the parts first' });
  }
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const locatorAt = eocd - 20;
    if (locatorAt < 0 || u32(tail, locatorAt) !== SIG_ZIP64_LOCATOR) fail('invalid', tailStart + eocd, 'ZIP64 sizes without a ZIP64 locator');
    const recordOffset = u64(tail, locatorAt + 8);
    const record = await source.read(recordOffset, 56);
    if (record.length < 56 || u32(record, 0) !== SIG_ZIP64_EOCD) fail('invalid', recordOffset, 'bad ZIP64 end-of-central-directory record');
    count = u64(record, 32);
    cdSize = u64(record, 40);
    cdOffset = u64(record, 48);
  }
  if (count > limits.maxEntries) throw new FormatError({ code: 'limit_exceeded', offset: tailStart + eocd, detail: `${count} entries`, limit: 'MAX_ZIP_ENTRIES', value: count });
  if (cdSize > MAX_ZIP_CENTRAL_DIRECTORY_BYTES) throw new FormatError({ code: 'limit_exceeded', offset: tailStart + eocd, detail: `central directory of ${cdSize} bytes`, limit: 'MAX_ZIP_CENTRAL_DIRECTORY_BYTES', value: cdSize });
  if (cdOffset + cdSize > source.size) fail('truncated', cdOffset, 'the central directory runs past the end of the file');

  const cd = await source.read(cdOffset, cdSize);
  const entries: ZipEntry[] = [];
  const refused: RefusedZipEntry[] = [];
  let total = 0;
  let at = 0;
  for (let index = 0; index < count; index++) {
    if (at + 46 > cd.length || u32(cd, at) !== SIG_CENTRAL) fail('invalid', cdOffset + at, `central directory entry ${index} is damaged`);
    const madeBy = u16(cd, at + 4);
    const flags = u16(cd, at + 8);
    const method = u16(cd, at + 10);
    const crc = u32(cd, at + 16);
    let compressedSize = u32(cd, at + 20);
    let size = u32(cd, at + 24);
    const nameLength = u16(cd, at + 28);
    const extraLength = u16(cd, at + 30);
    const commentLength = u16(cd, at + 32);
    const externalAttributes = u32(cd, at + 38);
    let localHeaderOffset = u32(cd, at + 42);
    const end = at + 46 + nameLength + extraLength + commentLength;
    if (end > cd.length) fail('truncated', cdOffset + at, `central directory entry ${index} runs past the directory`);
    const name = decodeName(cd.subarray(at + 46, at + 46 + nameLength), (flags & 0x800) !== 0);
    // ZIP64 extended information: present fields replace the 0xFFFFFFFF placeholders, in order.
    let extra = at + 46 + nameLength;
    const extraEnd = extra + extraLength;
    while (extra + 4 <= extraEnd) {
      const id = u16(cd, extra);
      const length = u16(cd, extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        const take = (): number => {
          if (field + 8 > extra + 4 + length) fail('invalid', cdOffset + field, 'short ZIP64 extra field');
          const value = u64(cd, field);
          field += 8;
          return value;
        };
        if (size === 0xffffffff) size = take();
        if (compressedSize === 0xffffffff) compressedSize = take();
        if (localHeaderOffset === 0xffffffff) localHeaderOffset = take();
      }
      extra += 4 + length;
    }
    at = end;

    const isDirectory = name.endsWith('/');
    const reason = judge();
    if (reason !== undefined) {
      refused.push({ name, reason });
      continue;
    }
    if (!isDirectory) total += size;
    if (total > limits.maxTotalBytes) {
      refused.push({ name, reason: `the archive's total uncompressed size passes MAX_ZIP_TOTAL_BYTES (${limits.maxTotalBytes}); this and later entries skipped` });
      continue;
    }
    entries.push({ name, method, compressedSize, size, crc, localHeaderOffset, isDirectory });

    function judge(): string | undefined {
      const unsafe = unsafeNameReason(name);
      if (unsafe !== undefined) return `unsafe name: ${unsafe}`;
      const host = madeBy >> 8;
      if (host === 3 /* Unix */) {
        const type = (externalAttributes >>> 16) & 0o170000;
        if (type === 0o120000) return 'symbolic link (not followed)';
        if (type !== 0 && type !== 0o100000 && type !== 0o040000) return 'device, FIFO or socket entry';
      }
      if (isDirectory) return undefined;
      if (flags & 0x1) return 'encrypted entry';
      if (method !== 0 && method !== 8) return `unsupported compression method ${method}`;
      if (method === 0 && compressedSize !== size) return 'stored entry whose sizes disagree';
      if (size > limits.maxEntryBytes) return `uncompressed size ${size} passes MAX_ZIP_ENTRY_BYTES (${limits.maxEntryBytes})`;
      if (localHeaderOffset + 30 + compressedSize > source.size) return 'data runs past the end of the archive (truncated download?)';
      if (size > ZIP_RATIO_MIN_BYTES && size > compressedSize * limits.maxRatio) return `compression ratio ${(size / Math.max(1, compressedSize)).toFixed(0)}:1 passes MAX_ZIP_COMPRESSION_RATIO (${limits.maxRatio}:1): a zip bomb`;
      return undefined;
    }
  }
  return { entries, refused };
}

/** Streams an entry's uncompressed bytes. Throws FormatError on damage, a lying size or a CRC mismatch. */
export async function* zipEntryChunks(source: ByteSource, entry: ZipEntry): AsyncGenerator<Uint8Array> {
  const header = await source.read(entry.localHeaderOffset, 30);
  if (header.length < 30 || u32(header, 0) !== SIG_LOCAL) fail('invalid', entry.localHeaderOffset, `no local header for ${entry.name}`);
  const dataStart = entry.localHeaderOffset + 30 + u16(header, 26) + u16(header, 28);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > source.size) fail('truncated', dataStart, `${entry.name} runs past the end of the archive`);
  let crc = 0;
  let produced = 0;
  if (entry.method === 0) {
    for (let at = dataStart; at < dataEnd; at += READ_CHUNK) {
      const chunk = await source.read(at, Math.min(READ_CHUNK, dataEnd - at));
      crc = crc32(chunk, crc);
      produced += chunk.length;
      yield chunk;
    }
  } else if (nativeInflate()) {
    const stream = new (nativeInflate()!)('deflate-raw');
    const writer = stream.writable.getWriter();
    const reader = stream.readable.getReader();
    // Feed compressed chunks while the loop below drains output; cancelling the reader (early
    // return, a bomb) makes the pending write reject, which ends the feeder.
    const feeding = (async () => {
      try {
        for (let at = dataStart; at < dataEnd; at += READ_CHUNK) await writer.write(await source.read(at, Math.min(READ_CHUNK, dataEnd - at)));
        await writer.close();
      } catch (error) {
        await writer.abort(error).catch(() => undefined);
      }
    })();
    try {
      while (true) {
        let step: { done: boolean; value?: Uint8Array | undefined };
        try {
          step = await reader.read();
        } catch (error) {
          fail('invalid', dataStart, `${entry.name}: deflate data is damaged (${(error as Error).message})`);
        }
        if (step.done) break;
        const data = step.value!;
        produced += data.length;
        if (produced > entry.size) throw new FormatError({ code: 'limit_exceeded', offset: dataStart, detail: `${entry.name} inflates past its declared size ${entry.size} (a zip bomb or a damaged header)`, limit: 'declared size', value: produced });
        crc = crc32(data, crc);
        yield data;
      }
    } finally {
      await reader.cancel().catch(() => undefined);
      await feeding;
    }
  } else {
    let pending: Uint8Array[] = [];
    let overflow = false;
    const inflate = new Inflate((data) => {
      produced += data.length;
      if (produced > entry.size) overflow = true;
      else pending.push(data);
    });
    for (let at = dataStart; at < dataEnd || at === dataStart; at += READ_CHUNK) {
      const chunk = await source.read(at, Math.min(READ_CHUNK, dataEnd - at));
      try {
        inflate.push(chunk, at + READ_CHUNK >= dataEnd);
      } catch (error) {
        fail('invalid', at, `${entry.name}: deflate data is damaged (${(error as Error).message})`);
      }
      if (overflow) throw new FormatError({ code: 'limit_exceeded', offset: at, detail: `${entry.name} inflates past its declared size ${entry.size} (a zip bomb or a damaged header)`, limit: 'declared size', value: produced });
      const out = pending;
      pending = [];
      for (const data of out) {
        crc = crc32(data, crc);
        yield data;
      }
      if (dataEnd === dataStart) break;
    }
  }
  if (produced !== entry.size) fail('truncated', dataEnd, `${entry.name}: ${produced} bytes where ${entry.size} were declared`);
  if (crc !== entry.crc) fail('invalid', dataEnd, `${entry.name}: CRC mismatch (damaged archive)`);
}

interface NativeDecompressor {
  readonly writable: { getWriter(): { write(chunk: Uint8Array): Promise<void>; close(): Promise<void>; abort(reason?: unknown): Promise<void> } };
  readonly readable: { getReader(): { read(): Promise<{ done: boolean; value?: Uint8Array | undefined }>; cancel(): Promise<void> } };
}
type NativeDecompressorConstructor = new (format: string) => NativeDecompressor;

let native: NativeDecompressorConstructor | null | undefined;
/** DecompressionStream with 'deflate-raw' support, or null (then fflate inflates). Tests may force the fallback. */
export function nativeInflate(): NativeDecompressorConstructor | null {
  if (native === undefined) {
    const candidate = (globalThis as { DecompressionStream?: NativeDecompressorConstructor }).DecompressionStream;
    try {
      if (candidate) new candidate('deflate-raw');
      native = candidate ?? null;
    } catch {
      native = null;
    }
  }
  return native;
}

export function setNativeInflate(enabled: boolean): void {
  native = enabled ? undefined : null;
}

/**
 * Random access to a STORED entry's bytes (videos and photos are usually stored, not deflated),
 * so a reader can seek (an MP4's `moov` at the end) without inflating or copying. Undefined for
 * deflated entries.
 */
export function zipEntrySource(source: ByteSource, entry: ZipEntry): ByteSource | undefined {
  if (entry.method !== 0) return undefined;
  let dataStart: Promise<number> | undefined;
  const start = (): Promise<number> => {
    dataStart ??= source.read(entry.localHeaderOffset, 30).then((header) => {
      if (header.length < 30 || u32(header, 0) !== SIG_LOCAL) fail('invalid', entry.localHeaderOffset, `no local header for ${entry.name}`);
      return entry.localHeaderOffset + 30 + u16(header, 26) + u16(header, 28);
    });
    return dataStart;
  };
  return {
    size: entry.size,
    async read(offset, length) {
      const from = Math.min(Math.max(0, offset), entry.size);
      const to = Math.min(entry.size, from + Math.max(0, length));
      return source.read((await start()) + from, to - from);
    },
  };
}
