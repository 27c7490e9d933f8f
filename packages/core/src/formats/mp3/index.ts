/**
 * MP3 (MPEG audio) scrubber. The audio frames are one verbatim copy; everything around them goes:
 * ID3v2 tags at the start (and appended v2.4 tags), APE tags, Lyrics3 and ID3v1 at the end, and
 * junk between the tags and the first frame. The Xing/Info/LAME header lives inside the first
 * audio frame (it carries the seek index and gapless-playback delays), so it stays and is
 * reported under `kept`.
 */
import { PieceBuilder } from '../../bytes/pieces.js';
import type { ByteSource } from '../../bytes/source.js';
import { MAX_MPEG_SYNC_SEARCH_BYTES } from '../../bytes/limits.js';
import type { MetadataItem } from '../../categories.js';
import { fail } from '../../issues.js';
import type { FormatModule, Inspection, ScrubOutput, SniffConfidence } from '../../registry.js';
import { readId3v2Header } from './id3v2.js';
import { embeddedTags } from './frames.js';
import { encoderHeader, findFrameRun, isFrameRun } from './mpeg.js';
import { leadingTags, trailingTags, type FoundTag } from './tags.js';

/** Longest MPEG audio frame (layer II, 384 kbit/s at 8 kHz is shorter; free format excluded). */
const MAX_FRAME_BYTES = 2881;

export interface Mp3Layout {
  readonly audioStart: number;
  readonly audioEnd: number;
  readonly tags: readonly FoundTag[];
  /** Tags between frames (joined files), in file order. */
  readonly inside: readonly FoundTag[];
  readonly junk: MetadataItem[];
  readonly encoder?: string;
}

export async function layoutMp3(source: ByteSource): Promise<Mp3Layout> {
  const lead = await leadingTags(source, 0);
  const tail = await trailingTags(source, lead.boundary, source.size);
  const span = tail.boundary - lead.boundary;
  const window = await source.read(lead.boundary, Math.min(span, MAX_MPEG_SYNC_SEARCH_BYTES + 3 * MAX_FRAME_BYTES));
  if (window.length >= 4 && String.fromCharCode(...window.subarray(0, 4)) === 'fLaC') {
    fail('unsupported_feature', lead.boundary, 'a FLAC file behind an ID3v2 tag too large to recognise from the first bytes');
  }
  const first = findFrameRun(window, 0, Math.min(window.length, MAX_MPEG_SYNC_SEARCH_BYTES), span);
  if (first === -1) fail('unsupported_feature', lead.boundary, 'no MPEG audio frames after the tags');
  const junk: MetadataItem[] = [];
  if (first > 0) {
    const zeros = window.subarray(0, first).every((byte) => byte === 0);
    junk.push({ category: 'other', label: zeros ? `${first} bytes of tag padding before the audio` : `${first} unknown bytes before the first audio frame`, offset: lead.boundary });
  }
  const encoder = encoderHeader(window, first);
  const inside = await embeddedTags(source, lead.boundary + first, tail.boundary);
  const layout = { audioStart: lead.boundary + first, audioEnd: tail.boundary, tags: [...lead.tags, ...inside, ...tail.tags], inside, junk };
  return encoder === undefined ? layout : { ...layout, encoder };
}

function itemsOf(layout: Mp3Layout): MetadataItem[] {
  return [...layout.tags.flatMap((tag) => tag.items), ...layout.junk];
}

async function inspectMp3(source: ByteSource): Promise<Inspection> {
  return { items: itemsOf(await layoutMp3(source)), issues: [] };
}

async function scrubMp3(source: ByteSource): Promise<ScrubOutput> {
  const layout = await layoutMp3(source);
  const out = new PieceBuilder();
  let at = layout.audioStart;
  for (const tag of layout.inside) {
    out.copy(at, tag.offset - at);
    at = tag.offset + tag.length;
  }
  const pieces = out.copy(at, layout.audioEnd - at).pieces;
  const kept: MetadataItem[] = layout.encoder === undefined ? [] : [{ category: 'software', label: `${layout.encoder} (inside the first audio frame)`, offset: layout.audioStart }];
  const notes = layout.encoder === undefined ? [] : [`Kept the ${layout.encoder}: it is part of the first audio frame and holds the seek index and gapless-playback information.`];
  return { pieces, removed: itemsOf(layout), kept, notes };
}

/** Sniff: an ID3v2 tag followed by MPEG frames (or by bytes past the head), or three consistent frames at 0. */
export function sniffMp3(head: Uint8Array, size: number): SniffConfidence | undefined {
  let at = 0;
  for (let count = 0; count < 64; count++) {
    let header;
    try {
      header = readId3v2Header(head, at, at);
    } catch {
      return 'imprecise'; // an ID3 magic with impossible fields: let the scrub report it as damaged
    }
    if (header === undefined) break;
    at += header.totalSize;
    // The tag runs past the head (cover art) or past the file (damaged): the scrub will tell.
    if (at + 4 > head.length) return 'imprecise';
  }
  if (head[at] === 0x66 && head[at + 1] === 0x4c && head[at + 2] === 0x61 && head[at + 3] === 0x43) return undefined; // fLaC
  if (at === 0) return isFrameRun(head, 0, 3, size) ? 'confident' : undefined;
  return findFrameRun(head, at, head.length, size) !== -1 ? 'confident' : 'imprecise';
}

export const mp3: FormatModule = {
  id: 'mp3',
  label: 'MP3',
  family: 'audio',
  mediaType: 'audio/mpeg',
  extensions: ['mp3', 'mp2', 'mpga'],
  sniff: sniffMp3,
  inspect: inspectMp3,
  scrub: scrubMp3,
};
