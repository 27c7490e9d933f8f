/**
 * PNG scrubber: an allowlist of chunks needed to render (and APNG's animation chunks); every other
 * ancillary chunk is dropped, as are bytes after IEND. An unknown critical chunk means we cannot
 * know what it holds, so the file is refused rather than passed half-understood.
 */
import { concatBytes, asciiBytes } from '../../bytes/view.js';
import { crc32 } from '../../bytes/crc32.js';
import { PieceBuilder } from '../../bytes/pieces.js';
import { readAll, type ByteSource } from '../../bytes/source.js';
import type { MetadataItem } from '../../categories.js';
import { isFormatError, fail } from '../../issues.js';
import { classifyExif, orientationOnlyExif } from '../../payloads/exif-tiff/classify.js';
import { keepsColourProfile, type FormatModule, type Inspection, type ScrubOptions, type ScrubOutput } from '../../registry.js';
import { isCritical, PNG_SIGNATURE, walkPng, type PngChunk } from './chunks.js';
import { classifyTextChunk } from './text.js';

const CRITICAL_CHUNKS = new Set(['IHDR', 'PLTE', 'IDAT', 'IEND']);
/** Ancillary chunks that change how the image looks (or animates), none of which identify anyone. */
const RENDERING_CHUNKS = new Set(['tRNS', 'gAMA', 'cHRM', 'sRGB', 'cICP', 'mDCv', 'cLLi', 'sBIT', 'bKGD', 'pHYs', 'hIST', 'acTL', 'fcTL', 'fdAT']);
const COLOUR_PROFILE_CHUNK = 'iCCP';
const EXIF_CHUNK = 'eXIf';

interface ChunkVerdict {
  readonly action: 'keep' | 'drop' | 'colour-profile' | 'exif';
  readonly items: MetadataItem[];
  readonly orientation?: number;
}

function judgeChunk(bytes: Uint8Array, chunk: PngChunk): ChunkVerdict {
  const data = bytes.subarray(chunk.dataOffset, chunk.dataOffset + chunk.dataLength);
  const at = chunk.offset;
  if (CRITICAL_CHUNKS.has(chunk.type) || RENDERING_CHUNKS.has(chunk.type)) return { action: 'keep', items: [] };
  if (isCritical(chunk.type)) fail('unsupported_feature', at, `unknown critical PNG chunk ${chunk.type}`);
  switch (chunk.type) {
    case COLOUR_PROFILE_CHUNK:
      return { action: 'colour-profile', items: [{ category: 'colour-profile', label: 'ICC colour profile (iCCP)', offset: at }] };
    case EXIF_CHUNK:
      try {
        const summary = classifyExif(data, chunk.dataOffset);
        return summary.orientation === undefined ? { action: 'exif', items: summary.items } : { action: 'exif', items: summary.items, orientation: summary.orientation };
      } catch (error) {
        if (!isFormatError(error)) throw error;
        return { action: 'exif', items: [{ category: 'other', label: 'EXIF (eXIf, unreadable)', offset: at }] };
      }
    case 'tEXt':
    case 'zTXt':
    case 'iTXt':
      return { action: 'drop', items: classifyTextChunk(chunk.type, data, at) };
    case 'tIME':
      return { action: 'drop', items: [{ category: 'time', label: 'PNG tIME (last modified)', offset: at }] };
    case 'caBX':
      return { action: 'drop', items: [{ category: 'other', label: 'C2PA content credentials (caBX)', offset: at }] };
    default:
      return { action: 'drop', items: [{ category: 'other', label: `PNG ${chunk.type} chunk`, offset: at }] };
  }
}

function trailerItems(bytes: Uint8Array, imageEnd: number): MetadataItem[] {
  return bytes.length > imageEnd ? [{ category: 'other', label: `${bytes.length - imageEnd} bytes after IEND`, offset: imageEnd }] : [];
}

async function inspectPng(source: ByteSource): Promise<Inspection> {
  const bytes = await readAll(source);
  const layout = walkPng(bytes, false); // listing metadata does not need checksums
  const items = layout.chunks.flatMap((chunk) => judgeChunk(bytes, chunk).items);
  return { items: items.concat(trailerItems(bytes, layout.imageEnd)), issues: [] };
}

async function scrubPng(source: ByteSource, options: ScrubOptions): Promise<ScrubOutput> {
  const bytes = await readAll(source);
  const layout = walkPng(bytes);
  const out = new PieceBuilder().copy(0, PNG_SIGNATURE.length);
  const removed = trailerItems(bytes, layout.imageEnd);
  const kept: MetadataItem[] = [];
  const notes: string[] = [];
  const verdicts = layout.chunks.map((chunk) => judgeChunk(bytes, chunk));
  const orientation = verdicts.find((verdict) => verdict.orientation !== undefined)?.orientation;
  let orientationWritten = false;

  layout.chunks.forEach((chunk, index) => {
    const verdict = verdicts[index]!;
    const whole = (): void => void out.copy(chunk.offset, chunk.end - chunk.offset);
    if (!chunk.crcValid && verdict.action !== 'drop') notes.push(`The ${chunk.type} chunk has a bad checksum; it was kept byte for byte.`);
    switch (verdict.action) {
      case 'keep':
        whole();
        break;
      case 'colour-profile':
        if (keepsColourProfile(options, verdict.items, kept, removed)) whole();
        break;
      case 'exif': {
        const onlyOrientation = verdict.items.every((item) => item.category === 'orientation');
        if (orientation !== undefined && orientation !== 1 && !orientationWritten) {
          orientationWritten = true;
          kept.push({ category: 'orientation', label: 'EXIF Orientation' });
          if (onlyOrientation) {
            whole();
            break;
          }
          out.bytes(pngChunk(EXIF_CHUNK, orientationOnlyExif(orientation)));
        }
        removed.push(...verdict.items.filter((item) => item.category !== 'orientation'));
        break;
      }
      case 'drop':
        removed.push(...verdict.items);
        break;
    }
  });
  return { pieces: out.pieces, removed, kept, notes };
}

export function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const typeBytes = asciiBytes(type);
  const header = new Uint8Array(4);
  new DataView(header.buffer).setUint32(0, data.length);
  const crc = new Uint8Array(4);
  new DataView(crc.buffer).setUint32(0, crc32(concatBytes([typeBytes, data])));
  return concatBytes([header, typeBytes, data, crc]);
}

export const png: FormatModule = {
  id: 'png',
  label: 'PNG',
  family: 'photo',
  mediaType: 'image/png',
  extensions: ['png', 'apng'],
  sniff: (head) => (PNG_SIGNATURE.every((byte, index) => head[index] === byte) ? 'confident' : undefined),
  inspect: inspectPng,
  scrub: scrubPng,
};
