/**
 * Finds the tags stacked before and after the audio of an MP3 (and of FLAC, WAV… files that a
 * tagger touched): ID3v2 tags and an APEv2 header-first tag at the start; ID3v1 (+ Enhanced TAG),
 * Lyrics3 v1/v2, APEv1/v2 and appended ID3v2.4 tags (found by their "3DI" footer) at the end, in
 * any order. Only the few bytes each boundary needs are read, so large files are never loaded.
 */
import type { ByteSource } from '../../bytes/source.js';
import { checkedLength } from '../../bytes/view.js';
import { MAX_ID3_TAG_COUNT } from '../../bytes/limits.js';
import type { MetadataItem } from '../../categories.js';
import { FormatError, fail } from '../../issues.js';
import { APE_FOOTER_BYTES, listApeItems, readApeBoundary } from './ape.js';
import { ID3V1_BYTES, ID3V1_ENHANCED_BYTES, id3v1Items, isId3v1, isId3v1Enhanced } from './id3v1.js';
import { ID3_HEADER_BYTES, listId3v2Frames, readId3v2Header } from './id3v2.js';
import { isLyrics3v1End, LYRICS3_V1_MAX_BYTES, lyrics3v1Start, lyrics3v2Length, startsWithLyricsBegin } from './lyrics3.js';

export interface FoundTag {
  readonly kind: 'ID3v2' | 'ID3v1' | 'APE' | 'Lyrics3';
  readonly offset: number;
  readonly length: number;
  readonly items: readonly MetadataItem[];
}

export interface TagSpan {
  /** First byte after the leading tags / first byte of the trailing tags. */
  readonly boundary: number;
  readonly tags: readonly FoundTag[];
}

function tooMany(offset: number, count: number): never {
  throw new FormatError({ code: 'limit_exceeded', offset, detail: 'too many stacked tags', limit: 'MAX_ID3_TAG_COUNT', value: count });
}

/** Tags at [from, …): ID3v2 tags, and APE tags that start with their header. */
export async function leadingTags(source: ByteSource, from: number): Promise<TagSpan> {
  const tags: FoundTag[] = [];
  let at = from;
  for (;;) {
    if (tags.length >= MAX_ID3_TAG_COUNT) tooMany(at, tags.length);
    const head = await source.read(at, APE_FOOTER_BYTES);
    const id3 = readId3v2Header(head, 0, at);
    if (id3 !== undefined) {
      checkedLength(id3.totalSize, { max: source.size - at, what: 'ID3v2 tag size', offset: at + 6 });
      const tag = await source.read(at, id3.totalSize);
      tags.push({ kind: 'ID3v2', offset: at, length: id3.totalSize, items: listId3v2Frames(tag, id3, at) });
      at += id3.totalSize;
      continue;
    }
    const ape = head.length === APE_FOOTER_BYTES && (head[23]! & 0x20) !== 0 ? readApeBoundary(head, at, source.size - at - APE_FOOTER_BYTES, true) : undefined;
    if (ape !== undefined) {
      const items = await source.read(ape.itemsOffset, ape.itemsLength);
      tags.push({ kind: 'APE', offset: at, length: ape.length, items: listApeItems(items, ape) });
      at += ape.length;
      continue;
    }
    return { boundary: at, tags };
  }
}

/** Tags that end at `end`, not reaching before `start`. */
export async function trailingTags(source: ByteSource, start: number, end: number): Promise<TagSpan> {
  const tags: FoundTag[] = [];
  for (;;) {
    if (tags.length >= MAX_ID3_TAG_COUNT) tooMany(end, tags.length);
    const room = end - start;
    const found = await trailingTag(source, start, end, room);
    if (found === undefined) return { boundary: end, tags: tags.reverse() };
    tags.push(found);
    end = found.offset;
  }
}

async function trailingTag(source: ByteSource, start: number, end: number, room: number): Promise<FoundTag | undefined> {
  if (room >= ID3V1_BYTES) {
    const tail = await source.read(end - ID3V1_BYTES, ID3V1_BYTES);
    if (isId3v1(tail)) {
      let offset = end - ID3V1_BYTES;
      const items = id3v1Items(tail, offset);
      if (room >= ID3V1_BYTES + ID3V1_ENHANCED_BYTES && isId3v1Enhanced(await source.read(offset - ID3V1_ENHANCED_BYTES, ID3V1_ENHANCED_BYTES))) {
        offset -= ID3V1_ENHANCED_BYTES;
        items.push({ category: 'other', label: 'ID3v1 Enhanced TAG+', offset });
      }
      return { kind: 'ID3v1', offset, length: end - offset, items };
    }
  }
  if (room >= ID3_HEADER_BYTES) {
    const footerAt = end - ID3_HEADER_BYTES;
    const footer = readId3v2Header(await source.read(footerAt, ID3_HEADER_BYTES), 0, footerAt, '3DI');
    if (footer !== undefined) {
      const length = checkedLength(footer.bodySize + 2 * ID3_HEADER_BYTES, { max: room, what: 'appended ID3v2 tag size', offset: footerAt + 6 });
      const offset = end - length;
      const tag = await source.read(offset, length);
      const header = readId3v2Header(tag, 0, offset);
      if (header === undefined || header.totalSize !== length) fail('invalid', offset, 'an ID3v2 footer points at no matching header');
      return { kind: 'ID3v2', offset, length, items: listId3v2Frames(tag, header, offset) };
    }
  }
  if (room >= APE_FOOTER_BYTES) {
    const footerAt = end - APE_FOOTER_BYTES;
    const footer = await source.read(footerAt, APE_FOOTER_BYTES);
    const ape = readApeBoundary(footer, footerAt, footerAt - start, false);
    if (ape !== undefined) {
      const items = await source.read(ape.itemsOffset, ape.itemsLength);
      return { kind: 'APE', offset: ape.start, length: ape.length, items: listApeItems(items, ape) };
    }
  }
  if (room >= 15) {
    const at = end - 15;
    const v2 = lyrics3v2Length(await source.read(at, 15), at);
    if (v2 !== undefined) {
      const length = checkedLength(v2, { max: room, what: 'Lyrics3 v2 size', offset: at });
      if (!startsWithLyricsBegin(await source.read(end - length, 11))) fail('invalid', end - length, 'Lyrics3 v2 size does not lead to LYRICSBEGIN');
      return { kind: 'Lyrics3', offset: end - length, length, items: [{ category: 'other', label: 'Lyrics3 v2 block', offset: end - length }] };
    }
  }
  if (room >= 20 && isLyrics3v1End(await source.read(end - 9, 9))) {
    const span = Math.min(room, LYRICS3_V1_MAX_BYTES);
    const block = await source.read(end - span, span);
    const begin = lyrics3v1Start(block);
    if (begin === -1) fail('invalid', end - 9, 'LYRICSEND without LYRICSBEGIN');
    const offset = end - span + begin;
    return { kind: 'Lyrics3', offset, length: end - offset, items: [{ category: 'other', label: 'Lyrics3 v1 block', offset }] };
  }
  return undefined;
}
