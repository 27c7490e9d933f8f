/**
 * WAV scrubber (RIFF WAVE, RF64 and BW64). Keeps what playback and editing need: fmt, fact, data,
 * and the sampler chunks cue, smpl, inst and plst (loop and cue points; their labels live in
 * LIST/adtl, which goes). Drops LIST (INFO tags, adtl labels), bext, iXML, id3, _PMX (XMP), cart,
 * padding chunks (JUNK, PAD, FLLR can hold old bytes) and every other chunk, plus bytes after the
 * RIFF chunk. Rewrites the RIFF size (RF64: the ds64 RIFF size). The data chunk is one verbatim copy.
 */
import { PieceBuilder } from '../../bytes/pieces.js';
import type { ByteSource } from '../../bytes/source.js';
import { checkedLength } from '../../bytes/view.js';
import type { MetadataItem } from '../../categories.js';
import { fail, isFormatError } from '../../issues.js';
import type { FormatModule, Inspection, ScrubOutput } from '../../registry.js';
import { metadataChunkItems } from './metadata-chunks.js';
import { fourcc, walkChunks, type Chunk } from './riff.js';

const KEPT = new Set(['fmt ', 'fact', 'data', 'cue ', 'smpl', 'inst', 'plst']);
const RIFF_IDS = new Set(['RIFF', 'RF64', 'BW64']);

interface WavFile {
  readonly id: string;
  readonly chunks: readonly Chunk[];
  readonly riffEnd: number;
  /** Written to a pipe: RIFF and data sizes were 0xFFFFFFFF. */
  readonly streamed: boolean;
  /** The declared RIFF size was smaller than the chunks need (a stale header), so it was ignored. */
  readonly staleSize: boolean;
  /** RF64: the ds64 chunk, first in the file. */
  readonly ds64?: Chunk;
}

async function readWav(source: ByteSource): Promise<WavFile> {
  const header = await source.read(0, 12);
  if (header.length < 12 || !RIFF_IDS.has(fourcc(header)) || fourcc(header, 8) !== 'WAVE') fail('invalid', 0, 'not a RIFF WAVE file');
  const id = fourcc(header);
  const declared = new DataView(header.buffer, header.byteOffset, 12).getUint32(4, true);
  // A WAV written to a pipe cannot seek back to fill in its sizes: RIFF and data say 0xFFFFFFFF
  // and the data runs to the end of the file.
  const streamed = id === 'RIFF' && declared === 0xffff_ffff;
  if (streamed && source.size > 0xffff_ffff) fail('unsupported_feature', 4, 'a streamed WAV over 4 GiB (its sizes cannot be written in RIFF)');
  let riffSize = streamed ? source.size - 8 : declared;
  let dataSize: number | undefined;
  let ds64: Chunk | undefined;
  if (id !== 'RIFF') {
    const chunk = await source.read(12, 36);
    if (chunk.length < 36 || fourcc(chunk) !== 'ds64') fail('invalid', 12, `${id} file without a ds64 chunk first`);
    const view = new DataView(chunk.buffer, chunk.byteOffset, 36);
    const ds64Length = checkedLength(view.getUint32(4, true), { max: source.size - 20, what: 'ds64 size', offset: 16 });
    if (ds64Length < 28) fail('invalid', 16, 'ds64 chunk too short');
    const big = (at: number): number => checkedLength(Number(view.getBigUint64(at, true)), { max: Number.MAX_SAFE_INTEGER, what: 'ds64 size field', offset: 12 + at });
    if (declared === 0xffff_ffff) riffSize = big(8);
    dataSize = big(16);
    ds64 = { id: 'ds64', offset: 12, length: ds64Length, sizeFromElsewhere: false, padMissing: false, end: 20 + ds64Length + (ds64Length & 1) };
  }
  const riffLength = checkedLength(riffSize, { max: source.size - 8, what: `${id} size`, offset: 4 });
  if (riffLength < 4) fail('invalid', 4, `${id} size ${riffLength} leaves no room for the form type`);
  const walk = (end: number): Promise<Chunk[]> => walkChunks(source, ds64?.end ?? 12, end, { littleEndian: true, sizeOverride: (chunkId, dataOffset, end) => (chunkId !== 'data' ? undefined : streamed ? end - dataOffset : dataSize) });
  let riffEnd = 8 + riffLength;
  let chunks: Chunk[];
  let staleSize = false;
  try {
    chunks = await walk(riffEnd);
  } catch (error) {
    // Writers that never updated the RIFF size (it says less than the chunks need) are common;
    // when the chunks walk cleanly to the end of the file, the file is right and the size wrong.
    if (!isFormatError(error) || error.code !== 'truncated' || riffEnd >= source.size) throw error;
    chunks = await walk(source.size).catch(() => Promise.reject(error));
    riffEnd = source.size;
    staleSize = true;
  }
  if (!chunks.some((chunk) => chunk.id === 'fmt ') || !chunks.some((chunk) => chunk.id === 'data')) fail('invalid', 12, 'a WAVE file without fmt and data chunks');
  return ds64 === undefined ? { id, chunks, riffEnd, staleSize, streamed } : { id, chunks, riffEnd, staleSize, streamed, ds64 };
}

async function itemsOf(source: ByteSource, file: WavFile): Promise<MetadataItem[]> {
  const items: MetadataItem[] = [];
  for (const chunk of file.chunks) if (!KEPT.has(chunk.id)) items.push(...(await metadataChunkItems(source, chunk, true, 'RIFF')));
  if (file.riffEnd < source.size) items.push({ category: 'other', label: `${source.size - file.riffEnd} bytes after the RIFF chunk`, offset: file.riffEnd });
  return items;
}

async function inspectWav(source: ByteSource): Promise<Inspection> {
  return { items: await itemsOf(source, await readWav(source)), issues: [] };
}

async function scrubWav(source: ByteSource): Promise<ScrubOutput> {
  const file = await readWav(source);
  const removed = await itemsOf(source, file);
  const kept = file.chunks.filter((chunk) => KEPT.has(chunk.id));
  const rewriteSize = (chunk: Chunk): boolean => file.ds64 === undefined && chunk.sizeFromElsewhere;
  if (removed.length === 0 && !kept.some((chunk) => chunk.padMissing || rewriteSize(chunk))) return { pieces: new PieceBuilder().copy(0, source.size).pieces, removed, kept: [], notes: [] };
  let total = 12 + (file.ds64 === undefined ? 0 : file.ds64.end - file.ds64.offset);
  for (const chunk of kept) total += chunk.end - chunk.offset + (chunk.padMissing ? 1 : 0);
  const header = new Uint8Array(12);
  const view = new DataView(header.buffer);
  header.set(await source.read(0, 4), 0);
  header.set([0x57, 0x41, 0x56, 0x45], 8); // WAVE
  const out = new PieceBuilder().bytes(header);
  if (file.ds64 === undefined) {
    view.setUint32(4, total - 8, true);
  } else {
    view.setUint32(4, 0xffff_ffff, true);
    const ds64 = (await source.read(file.ds64.offset, file.ds64.end - file.ds64.offset)).slice();
    new DataView(ds64.buffer).setBigUint64(8, BigInt(total - 8), true);
    out.bytes(ds64);
  }
  for (const chunk of kept) {
    if (rewriteSize(chunk)) {
      // Streamed WAV: the data chunk gets its real size (it fits: the file is under 4 GiB).
      const header = (await source.read(chunk.offset, 8)).slice();
      new DataView(header.buffer).setUint32(4, chunk.length, true);
      out.bytes(header).copy(chunk.offset + 8, chunk.end - chunk.offset - 8);
    } else {
      out.copy(chunk.offset, chunk.end - chunk.offset);
    }
    if (chunk.padMissing) out.bytes(new Uint8Array(1));
  }
  const notes = file.staleSize ? [`The ${file.id} size in the file was smaller than its chunks; it was corrected.`] : [];
  if (file.streamed) notes.push('The WAV was written as a stream (sizes unknown); the RIFF and data sizes were filled in.');
  return { pieces: out.pieces, removed, kept: [], notes };
}

export const wav: FormatModule = {
  id: 'wav',
  label: 'WAV',
  family: 'audio',
  mediaType: 'audio/wav',
  extensions: ['wav', 'bwf', 'rf64'],
  sniff: (head) => (head.length >= 12 && RIFF_IDS.has(fourcc(head)) && fourcc(head, 8) === 'WAVE' ? 'confident' : undefined),
  inspect: inspectWav,
  scrub: scrubWav,
};
