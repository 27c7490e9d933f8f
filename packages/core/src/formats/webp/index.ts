/**
 * WebP scrubber. Extended files (`VP8X`) keep the image (`VP8 `/`VP8L`, `ALPH`), animation
 * (`ANIM`, `ANMF`) and, by default, the colour profile (`ICCP`); `EXIF` is dropped or reduced to an
 * Orientation-only EXIF when the picture is rotated; `XMP `, unknown chunks and bytes after the RIFF
 * payload are dropped. The VP8X flags and the RIFF size are rewritten to match what is left.
 */
import { ByteView, bytesEqual, concatBytes, asciiBytes, startsWith } from '../../bytes/view.js';
import { PieceBuilder } from '../../bytes/pieces.js';
import { readAll, type ByteSource } from '../../bytes/source.js';
import type { MetadataItem } from '../../categories.js';
import { fail, isFormatError } from '../../issues.js';
import { classifyExif, orientationOnlyExif } from '../../payloads/exif-tiff/classify.js';
import { classifyXmp } from '../../payloads/xmp.js';
import type { FormatModule, Inspection, ScrubOptions, ScrubOutput } from '../../registry.js';
import { isWebp, walkChunks, walkWebp, type RiffChunk } from './riff.js';

export const VP8X_FLAG_ICC = 0x20;
export const VP8X_FLAG_ALPHA = 0x10;
export const VP8X_FLAG_EXIF = 0x08;
export const VP8X_FLAG_XMP = 0x04;
export const VP8X_FLAG_ANIMATION = 0x02;

/** Chunks that carry the picture or its animation: always kept in an extended file. */
const IMAGE_CHUNKS = new Set(['VP8 ', 'VP8L', 'ALPH', 'ANIM']);
/** What an ANMF frame may hold after its 16-byte header; anything else in a frame is dropped. */
const FRAME_CHUNKS = new Set(['VP8 ', 'VP8L', 'ALPH']);
const ANMF_HEADER_BYTES = 16;
const EXIF_PREFIX = [0x45, 0x78, 0x69, 0x66, 0, 0]; // "Exif\0\0", written by some tools before the TIFF header

type Verdict =
  | { readonly action: 'keep' | 'vp8x' }
  | { readonly action: 'frame'; readonly items: MetadataItem[]; readonly rebuilt: Uint8Array }
  | { readonly action: 'icc'; readonly items: MetadataItem[] }
  | { readonly action: 'exif'; readonly items: MetadataItem[]; readonly orientation?: number }
  | { readonly action: 'drop'; readonly items: MetadataItem[] };

function judge(bytes: Uint8Array, chunk: RiffChunk): Verdict {
  const at = chunk.offset;
  const data = bytes.subarray(chunk.dataOffset, chunk.dataOffset + chunk.dataLength);
  if (chunk.fourCC === 'VP8X') return { action: 'vp8x' };
  if (IMAGE_CHUNKS.has(chunk.fourCC)) return { action: 'keep' };
  if (chunk.fourCC === 'ANMF') return judgeFrame(bytes, chunk);
  switch (chunk.fourCC) {
    case 'ICCP':
      return { action: 'icc', items: [{ category: 'colour-profile', label: 'ICC colour profile (ICCP)', offset: at }] };
    case 'EXIF': {
      const tiff = startsWith(data, EXIF_PREFIX) ? data.subarray(EXIF_PREFIX.length) : data;
      try {
        const summary = classifyExif(tiff, chunk.dataOffset + (data.length - tiff.length));
        const items = summary.items.length > 0 ? summary.items : [{ category: 'other' as const, label: 'EXIF (empty)', offset: at }];
        return summary.orientation === undefined ? { action: 'exif', items } : { action: 'exif', items, orientation: summary.orientation };
      } catch (error) {
        if (!isFormatError(error)) throw error;
        return { action: 'exif', items: [{ category: 'other', label: 'EXIF (unreadable)', offset: at }] };
      }
    }
    case 'XMP ':
      return { action: 'drop', items: classifyXmp(data, at) };
    default:
      return { action: 'drop', items: [{ category: 'other', label: `WebP ${chunk.fourCC.trim() || 'unnamed'} chunk`, offset: at }] };
  }
}

/** An animation frame: kept whole unless it carries chunks other than image data. */
function judgeFrame(bytes: Uint8Array, chunk: RiffChunk): Verdict {
  const view = new ByteView(bytes);
  if (chunk.dataLength < ANMF_HEADER_BYTES) fail('invalid', chunk.offset, `ANMF chunk is ${chunk.dataLength} bytes, shorter than its header`);
  const inner = walkChunks(view, chunk.dataOffset + ANMF_HEADER_BYTES, chunk.dataOffset + chunk.dataLength);
  const extra = inner.filter((sub) => !FRAME_CHUNKS.has(sub.fourCC));
  if (extra.length === 0) return { action: 'keep' };
  const parts = [bytes.subarray(chunk.dataOffset, chunk.dataOffset + ANMF_HEADER_BYTES)];
  for (const sub of inner) if (FRAME_CHUNKS.has(sub.fourCC)) parts.push(bytes.subarray(sub.offset, sub.end));
  const items = extra.map((sub) => ({ category: 'other' as const, label: `WebP ${sub.fourCC.trim() || 'unnamed'} chunk inside an animation frame`, offset: sub.offset }));
  return { action: 'frame', items, rebuilt: riffChunk('ANMF', concatBytes(parts)) };
}

function trailerItems(bytes: Uint8Array, riffEnd: number): MetadataItem[] {
  return bytes.length > riffEnd ? [{ category: 'other', label: `${bytes.length - riffEnd} bytes after the RIFF data`, offset: riffEnd }] : [];
}

async function inspectWebp(source: ByteSource): Promise<Inspection> {
  const bytes = await readAll(source);
  const layout = walkWebp(bytes);
  const items: MetadataItem[] = [];
  for (const chunk of layout.chunks) {
    const verdict = judge(bytes, chunk);
    if ('items' in verdict) items.push(...verdict.items);
  }
  return { items: items.concat(trailerItems(bytes, layout.riffEnd)), issues: [] };
}

async function scrubWebp(source: ByteSource, options: ScrubOptions): Promise<ScrubOutput> {
  const bytes = await readAll(source);
  const view = new ByteView(bytes);
  const layout = walkWebp(bytes);
  const removed = trailerItems(bytes, layout.riffEnd);
  const kept: MetadataItem[] = [];
  const notes: string[] = [];
  const verdicts = layout.chunks.map((chunk) => judge(bytes, chunk));
  const extended = layout.chunks[0]!.fourCC === 'VP8X';
  let orientation: number | undefined;
  for (const verdict of verdicts) if (verdict.action === 'exif' && verdict.orientation !== undefined) orientation ??= verdict.orientation;

  // Each chunk's output: a verbatim range, new bytes, or nothing.
  const body: Array<{ copy: RiffChunk } | { bytes: Uint8Array }> = [];
  let vp8x: RiffChunk | undefined;
  let flagsOut = 0;
  let exifWritten = false;
  layout.chunks.forEach((chunk, index) => {
    const verdict = verdicts[index]!;
    switch (verdict.action) {
      case 'vp8x':
        if (index !== 0 || vp8x !== undefined) {
          removed.push({ category: 'other', label: 'misplaced VP8X chunk', offset: chunk.offset });
          return;
        }
        vp8x = chunk;
        body.push({ copy: chunk }); // replaced below if its flags change
        return;
      case 'keep':
        if (!extended && index !== 0) {
          removed.push({ category: 'other', label: `extra ${chunk.fourCC.trim()} chunk in a simple WebP`, offset: chunk.offset });
          return;
        }
        body.push({ copy: chunk });
        return;
      case 'icc':
        if (options.keepColourProfile && extended) {
          body.push({ copy: chunk });
          kept.push(...verdict.items);
          flagsOut |= VP8X_FLAG_ICC;
        } else {
          removed.push(...verdict.items);
        }
        return;
      case 'exif': {
        const rotated = orientation !== undefined && orientation !== 1;
        const onlyOrientation = verdict.items.every((item) => item.category === 'orientation');
        if (rotated && extended && !exifWritten) {
          exifWritten = true;
          flagsOut |= VP8X_FLAG_EXIF;
          kept.push({ category: 'orientation', label: 'EXIF Orientation' });
          if (onlyOrientation) {
            body.push({ copy: chunk });
            return;
          }
          body.push({ bytes: riffChunk('EXIF', orientationOnlyExif(orientation!)) });
        } else if (rotated && !extended) {
          notes.push('This simple WebP had a rotated EXIF orientation that viewers ignore in simple files; it was removed.');
        }
        removed.push(...verdict.items.filter((item) => item.category !== 'orientation'));
        return;
      }
      case 'frame':
        body.push({ bytes: verdict.rebuilt });
        removed.push(...verdict.items);
        return;
      case 'drop':
        removed.push(...verdict.items);
        return;
    }
  });

  let vp8xBytes: Uint8Array | undefined;
  if (vp8x !== undefined) {
    if (vp8x.dataLength < 10) fail('invalid', vp8x.offset, `VP8X chunk is ${vp8x.dataLength} bytes, not 10`);
    const flags = view.u8(vp8x.dataOffset);
    const newFlags = (flags & (VP8X_FLAG_ALPHA | VP8X_FLAG_ANIMATION)) | flagsOut;
    if (newFlags !== flags) {
      const payload = bytes.slice(vp8x.dataOffset, vp8x.dataOffset + vp8x.dataLength);
      payload[0] = newFlags;
      vp8xBytes = riffChunk('VP8X', payload);
    }
  }

  let riffSize = 4;
  for (const piece of body) riffSize += 'copy' in piece ? piece.copy.end - piece.copy.offset : piece.bytes.length;
  if (vp8xBytes !== undefined && vp8x !== undefined) riffSize += vp8xBytes.length - (vp8x.end - vp8x.offset);
  const header = concatBytes([asciiBytes('RIFF'), u32le(riffSize), asciiBytes('WEBP')]);
  const out = new PieceBuilder();
  if (bytesEqual(header, bytes.subarray(0, 12))) out.copy(0, 12);
  else out.bytes(header);
  for (const piece of body) {
    if ('bytes' in piece) out.bytes(piece.bytes);
    else if (piece.copy === vp8x && vp8xBytes !== undefined) out.bytes(vp8xBytes);
    else out.copy(piece.copy.offset, piece.copy.end - piece.copy.offset);
  }
  return { pieces: out.pieces, removed, kept, notes };
}

function u32le(value: number): Uint8Array {
  const out = new Uint8Array(4);
  new DataView(out.buffer).setUint32(0, value, true);
  return out;
}

export function riffChunk(fourCC: string, data: Uint8Array): Uint8Array {
  const pad = data.length & 1;
  const out = new Uint8Array(8 + data.length + pad);
  out.set(asciiBytes(fourCC), 0);
  new DataView(out.buffer).setUint32(4, data.length, true);
  out.set(data, 8);
  return out;
}

export const webp: FormatModule = {
  id: 'webp',
  label: 'WebP',
  family: 'photo',
  mediaType: 'image/webp',
  extensions: ['webp'],
  sniff: (head) => (isWebp(head) ? 'confident' : undefined),
  inspect: inspectWebp,
  scrub: scrubWebp,
};
