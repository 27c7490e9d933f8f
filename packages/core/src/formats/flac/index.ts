/**
 * FLAC scrubber. Keeps STREAMINFO (needed to decode), SEEKTABLE (seeking; offsets are relative to
 * the first frame) and CUESHEET (the track layout of a CD rip: track offsets, ISRC and the disc's
 * catalogue number, which identify a release, not a person). Drops VORBIS_COMMENT (tags and the
 * encoder's vendor string), PICTURE (cover art, often a photo), APPLICATION (vendor data), PADDING
 * (taggers rewrite in place, so old tag bytes can survive inside it) and reserved block types.
 * Moves the last-block flag to the new last block. A leading ID3v2 tag and trailing ID3v1/APE
 * tags (written by some taggers) are removed too. Audio frames are one verbatim copy.
 */
import { PieceBuilder } from '../../bytes/pieces.js';
import type { ByteSource } from '../../bytes/source.js';
import { MAX_AUDIO_METADATA_READ_BYTES } from '../../bytes/limits.js';
import type { MetadataItem } from '../../categories.js';
import type { FormatModule, Inspection, ScrubOutput, SniffConfidence } from '../../registry.js';
import { readId3v2Header } from '../mp3/id3v2.js';
import { leadingTags, trailingTags, type FoundTag } from '../mp3/tags.js';
import { parseVorbisComment, utf8, vorbisCommentItems } from '../ogg/vorbis-comment.js';
import { BLOCK_TYPE, blockName, FLAC_MAGIC, walkFlac, type FlacBlock, type FlacLayout } from './blocks.js';

const KEPT_BLOCKS = new Set<number>([BLOCK_TYPE.STREAMINFO, BLOCK_TYPE.SEEKTABLE, BLOCK_TYPE.CUESHEET]);

interface FlacFile {
  readonly layout: FlacLayout;
  readonly tags: readonly FoundTag[];
  readonly audioEnd: number;
}

async function readFlacFile(source: ByteSource): Promise<FlacFile> {
  const lead = await leadingTags(source, 0);
  const layout = await walkFlac(source, lead.boundary, source.size);
  const tail = await trailingTags(source, layout.audioStart, source.size);
  return { layout, tags: [...lead.tags, ...tail.tags], audioEnd: tail.boundary };
}

async function blockItems(source: ByteSource, block: FlacBlock): Promise<MetadataItem[]> {
  const body = block.offset + 4;
  switch (block.type) {
    case BLOCK_TYPE.VORBIS_COMMENT: {
      if (block.length > MAX_AUDIO_METADATA_READ_BYTES) return [{ category: 'other', label: `FLAC VORBIS_COMMENT (${block.length} bytes)`, offset: block.offset }];
      const bytes = await source.read(body, block.length);
      const comment = parseVorbisComment(bytes, 0, body);
      const items = vorbisCommentItems(comment, 'FLAC Vorbis comment', block.offset);
      return items.length > 0 ? items : [{ category: 'other', label: 'FLAC VORBIS_COMMENT (empty)', offset: block.offset }];
    }
    case BLOCK_TYPE.PICTURE: {
      const head = await source.read(body, Math.min(block.length, 72));
      const mimeLength = head.length >= 8 ? new DataView(head.buffer, head.byteOffset, head.byteLength).getUint32(4) : 0;
      const mime = mimeLength <= 64 && 8 + mimeLength <= head.length ? ` ${utf8(head.subarray(8, 8 + mimeLength))}` : '';
      return [{ category: 'thumbnail', label: `FLAC PICTURE (cover art${mime}, ${block.length} bytes)`, offset: block.offset }];
    }
    case BLOCK_TYPE.APPLICATION: {
      const id = await source.read(body, Math.min(4, block.length));
      return [{ category: 'other', label: `FLAC APPLICATION block "${String.fromCharCode(...id)}"`, offset: block.offset }];
    }
    case BLOCK_TYPE.PADDING:
      return [{ category: 'other', label: `FLAC PADDING (${block.length} bytes, may hold old tag bytes)`, offset: block.offset }];
    default:
      return KEPT_BLOCKS.has(block.type) ? [] : [{ category: 'other', label: `FLAC ${blockName(block.type)}`, offset: block.offset }];
  }
}

async function itemsOf(source: ByteSource, file: FlacFile): Promise<MetadataItem[]> {
  const items: MetadataItem[] = file.tags.flatMap((tag) => tag.items);
  for (const block of file.layout.blocks) items.push(...(await blockItems(source, block)));
  return items;
}

async function inspectFlac(source: ByteSource): Promise<Inspection> {
  return { items: await itemsOf(source, await readFlacFile(source)), issues: [] };
}

async function scrubFlac(source: ByteSource): Promise<ScrubOutput> {
  const file = await readFlacFile(source);
  const { layout } = file;
  const out = new PieceBuilder().copy(layout.start, 4);
  const kept = layout.blocks.filter((block) => KEPT_BLOCKS.has(block.type));
  kept.forEach((block, index) => {
    const last = index === kept.length - 1;
    if (block.last === last) {
      out.copy(block.offset, 4 + block.length);
    } else {
      const header = new Uint8Array(4);
      header[0] = (last ? 0x80 : 0) | block.type;
      header[1] = (block.length >> 16) & 0xff;
      header[2] = (block.length >> 8) & 0xff;
      header[3] = block.length & 0xff;
      out.bytes(header).copy(block.offset + 4, block.length);
    }
  });
  out.copy(layout.audioStart, file.audioEnd - layout.audioStart);
  const notes: string[] = [];
  if (kept.some((block) => block.type === BLOCK_TYPE.CUESHEET)) notes.push('Kept the CUESHEET block (track layout; it may carry the disc catalogue number and ISRCs).');
  return { pieces: out.pieces, removed: await itemsOf(source, file), kept: [], notes };
}

export function sniffFlac(head: Uint8Array): SniffConfidence | undefined {
  let at = 0;
  for (let count = 0; count < 64; count++) {
    let header;
    try {
      header = readId3v2Header(head, at, at);
    } catch {
      return undefined;
    }
    if (header === undefined) break;
    at += header.totalSize;
  }
  return FLAC_MAGIC.every((byte, index) => head[at + index] === byte) ? 'confident' : undefined;
}

export const flac: FormatModule = {
  id: 'flac',
  label: 'FLAC',
  family: 'audio',
  mediaType: 'audio/flac',
  extensions: ['flac'],
  sniff: sniffFlac,
  inspect: inspectFlac,
  scrub: scrubFlac,
};
