/**
 * RIFF/WebP container walker (RFC 9649).
 *
 *   "RIFF", u32 LE size (file size − 8), "WEBP", then chunks: FourCC, u32 LE payload size, payload,
 *   one pad byte when the size is odd. Nothing may follow the RIFF payload.
 *
 * Simple files hold one `VP8 ` or `VP8L` chunk; extended files start with `VP8X` (flags, canvas).
 */
import { ByteView, checkedLength } from '../../bytes/view.js';
import { MAX_RIFF_CHUNK_COUNT } from '../../bytes/limits.js';
import { FormatError, fail } from '../../issues.js';

export interface RiffChunk {
  readonly fourCC: string;
  /** Offset of the FourCC. */
  readonly offset: number;
  readonly dataOffset: number;
  readonly dataLength: number;
  /** Offset just past the payload and its pad byte (when present). */
  readonly end: number;
}

export interface WebpLayout {
  readonly chunks: readonly RiffChunk[];
  /** Offset just past the RIFF payload (8 + declared size). Bytes from here on are trailing junk. */
  readonly riffEnd: number;
}

export function isWebp(head: Uint8Array): boolean {
  return head.length >= 12 && head[0] === 0x52 && head[1] === 0x49 && head[2] === 0x46 && head[3] === 0x46 && head[8] === 0x57 && head[9] === 0x45 && head[10] === 0x42 && head[11] === 0x50;
}

export function walkWebp(bytes: Uint8Array): WebpLayout {
  const view = new ByteView(bytes);
  if (!isWebp(bytes)) fail('invalid', 0, 'not a RIFF WEBP signature');
  const declared = view.u32le(4);
  // The size may not exceed the data we have (a size lie) and must hold at least "WEBP".
  const riffSize = checkedLength(declared, { max: view.length - 8, what: 'RIFF size', offset: 4 });
  if (riffSize < 4) fail('invalid', 4, `RIFF size ${riffSize} is smaller than the WEBP FourCC`);
  const riffEnd = 8 + riffSize;
  const chunks = walkChunks(view, 12, riffEnd);
  if (chunks.length === 0) fail('truncated', 12, 'WebP holds no chunks');
  if (!['VP8 ', 'VP8L', 'VP8X'].includes(chunks[0]!.fourCC)) fail('invalid', 12, `WebP starts with a ${JSON.stringify(chunks[0]!.fourCC)} chunk, not VP8, VP8L or VP8X`);
  return { chunks, riffEnd };
}

/** Walks the chunks in [from, end): the RIFF payload, or the frame data inside an ANMF chunk. */
export function walkChunks(view: ByteView, from: number, riffEnd: number): RiffChunk[] {
  const chunks: RiffChunk[] = [];
  let at = from;
  while (at < riffEnd) {
    if (chunks.length >= MAX_RIFF_CHUNK_COUNT) {
      throw new FormatError({ code: 'limit_exceeded', offset: at, detail: 'too many RIFF chunks', limit: 'MAX_RIFF_CHUNK_COUNT', value: chunks.length });
    }
    if (riffEnd - at < 8) fail('truncated', at, 'RIFF chunk header runs past the end of the RIFF payload');
    const fourCC = view.ascii(at, 4);
    const dataLength = checkedLength(view.u32le(at + 4), { max: riffEnd - at - 8, what: `${fourCC} chunk size`, offset: at + 4 });
    const dataOffset = at + 8;
    // A missing pad byte on the very last chunk is tolerated (several writers omit it).
    const end = Math.min(dataOffset + dataLength + (dataLength & 1), riffEnd);
    chunks.push({ fourCC, offset: at, dataOffset, dataLength, end });
    at = end;
  }
  return chunks;
}
