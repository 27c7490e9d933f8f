/**
 * AIFF and AIFF-C scrubber (Apple "Audio Interchange File Format" 1.3, AIFF-C draft 1991): an IFF
 * "FORM" container with big-endian sizes. Keeps COMM (format), SSND (samples, one verbatim copy),
 * FVER (AIFF-C version), MARK and INST (loop and marker points a sampler needs; marker names are
 * kept, see the note) and CHAN (channel layout). Drops NAME, AUTH, "(c) ", ANNO, COMT, ID3, APPL
 * and every other chunk, plus bytes after the FORM chunk, and rewrites the FORM size.
 */
import { PieceBuilder } from '../../bytes/pieces.js';
import type { ByteSource } from '../../bytes/source.js';
import { checkedLength } from '../../bytes/view.js';
import type { MetadataItem } from '../../categories.js';
import { fail, isFormatError } from '../../issues.js';
import type { FormatModule, Inspection, ScrubOutput } from '../../registry.js';
import { metadataChunkItems } from '../wav/metadata-chunks.js';
import { fourcc, walkChunks, type Chunk } from '../wav/riff.js';

const KEPT = new Set(['COMM', 'SSND', 'FVER', 'MARK', 'INST', 'CHAN']);
const FORM_TYPES = new Set(['AIFF', 'AIFC']);

async function readAiff(source: ByteSource): Promise<{ chunks: readonly Chunk[]; formEnd: number }> {
  const header = await source.read(0, 12);
  if (header.length < 12 || fourcc(header) !== 'FORM' || !FORM_TYPES.has(fourcc(header, 8))) fail('invalid', 0, 'not an AIFF FORM');
  const size = checkedLength(new DataView(header.buffer, header.byteOffset, 12).getUint32(4, false), { max: source.size - 8, what: 'FORM size', offset: 4 });
  if (size < 4) fail('invalid', 4, 'FORM size leaves no room for the form type');
  let formEnd = 8 + size;
  let chunks: Chunk[];
  try {
    chunks = await walkChunks(source, 12, formEnd, { littleEndian: false });
  } catch (error) {
    // A FORM size smaller than its chunks need, in a file whose chunks walk cleanly to its end: the size is wrong.
    if (!isFormatError(error) || error.code !== 'truncated' || formEnd >= source.size) throw error;
    chunks = await walkChunks(source, 12, source.size, { littleEndian: false }).catch(() => Promise.reject(error));
    formEnd = source.size;
  }
  if (!chunks.some((chunk) => chunk.id === 'COMM')) fail('invalid', 12, 'an AIFF file without a COMM chunk');
  return { chunks, formEnd };
}

async function itemsOf(source: ByteSource, chunks: readonly Chunk[], formEnd: number): Promise<MetadataItem[]> {
  const items: MetadataItem[] = [];
  for (const chunk of chunks) if (!KEPT.has(chunk.id)) items.push(...(await metadataChunkItems(source, chunk, false, 'AIFF')));
  if (formEnd < source.size) items.push({ category: 'other', label: `${source.size - formEnd} bytes after the FORM chunk`, offset: formEnd });
  return items;
}

async function inspectAiff(source: ByteSource): Promise<Inspection> {
  const { chunks, formEnd } = await readAiff(source);
  return { items: await itemsOf(source, chunks, formEnd), issues: [] };
}

async function scrubAiff(source: ByteSource): Promise<ScrubOutput> {
  const { chunks, formEnd } = await readAiff(source);
  const removed = await itemsOf(source, chunks, formEnd);
  const kept = chunks.filter((chunk) => KEPT.has(chunk.id));
  const notes = kept.some((chunk) => chunk.id === 'MARK') ? ['Kept the MARK chunk (marker positions and their names) because samplers need its loop points.'] : [];
  if (removed.length === 0 && !kept.some((chunk) => chunk.padMissing)) return { pieces: new PieceBuilder().copy(0, source.size).pieces, removed, kept: [], notes };
  let total = 12;
  for (const chunk of kept) total += chunk.end - chunk.offset + (chunk.padMissing ? 1 : 0);
  const header = (await source.read(0, 12)).slice();
  new DataView(header.buffer).setUint32(4, total - 8, false);
  const out = new PieceBuilder().bytes(header);
  for (const chunk of kept) {
    out.copy(chunk.offset, chunk.end - chunk.offset);
    if (chunk.padMissing) out.bytes(new Uint8Array(1));
  }
  return { pieces: out.pieces, removed, kept: [], notes };
}

export const aiff: FormatModule = {
  id: 'aiff',
  label: 'AIFF',
  family: 'audio',
  mediaType: 'audio/aiff',
  extensions: ['aiff', 'aif', 'aifc'],
  sniff: (head) => (head.length >= 12 && fourcc(head) === 'FORM' && FORM_TYPES.has(fourcc(head, 8)) ? 'confident' : undefined),
  inspect: inspectAiff,
  scrub: scrubAiff,
};
