/**
 * Walks the MPEG audio frames between the leading and trailing tags, to find tags *inside* the
 * stream: files joined with `cat` (audiobooks, podcast parts) carry the second file's ID3v2 tag,
 * and sometimes the first file's ID3v1, between two frames. Only tags found exactly where a frame
 * ends are taken; any other unsynced bytes stay in the audio, as a decoder would skip them.
 */
import type { ByteSource } from '../../bytes/source.js';
import { MAX_ID3_TAG_COUNT, MAX_MPEG_SYNC_SEARCH_BYTES } from '../../bytes/limits.js';
import { FormatError, isFormatError } from '../../issues.js';
import { WindowedReader } from '../ogg/page.js';
import { id3v1Items, ID3V1_BYTES, isId3v1 } from './id3v1.js';
import { listId3v2Frames, readId3v2Header, type Id3v2Header } from './id3v2.js';
import { findFrameRun, parseMpegHeader } from './mpeg.js';
import type { FoundTag } from './tags.js';

function id3At(bytes: Uint8Array, at: number): Id3v2Header | undefined {
  try {
    return readId3v2Header(bytes, 0, at);
  } catch (error) {
    if (isFormatError(error)) return undefined; // "ID3" followed by impossible fields: audio bytes
    throw error;
  }
}

export async function embeddedTags(source: ByteSource, start: number, end: number): Promise<FoundTag[]> {
  const reader = new WindowedReader(source);
  const tags: FoundTag[] = [];
  let at = start;
  while (at + 4 <= end) {
    const head = await reader.read(at, 10);
    const frame = parseMpegHeader(head, 0);
    if (frame !== undefined) {
      at += frame.length;
      continue;
    }
    if (tags.length >= MAX_ID3_TAG_COUNT) throw new FormatError({ code: 'limit_exceeded', offset: at, detail: 'too many tags inside the audio', limit: 'MAX_ID3_TAG_COUNT', value: tags.length });
    const id3 = id3At(head, at);
    if (id3 !== undefined && at + id3.totalSize <= end) {
      const tag = await source.read(at, id3.totalSize);
      tags.push({ kind: 'ID3v2', offset: at, length: id3.totalSize, items: listId3v2Frames(tag, id3, at).map((item) => ({ ...item, label: `${item.label} (inside the audio)` })) });
      at += id3.totalSize;
      continue;
    }
    if (at + ID3V1_BYTES <= end) {
      const v1 = await reader.read(at, ID3V1_BYTES);
      const after = at + ID3V1_BYTES === end ? undefined : await reader.read(at + ID3V1_BYTES, 10);
      if (isId3v1(v1.slice()) && (after === undefined || parseMpegHeader(after, 0) !== undefined || id3At(after, at + ID3V1_BYTES) !== undefined)) {
        tags.push({ kind: 'ID3v1', offset: at, length: ID3V1_BYTES, items: id3v1Items(v1.slice(), at).map((item) => ({ ...item, label: `${item.label} (inside the audio)` })) });
        at += ID3V1_BYTES;
        continue;
      }
    }
    // Lost sync (a damaged frame, free format): skip to the next run of frames, keeping the bytes.
    const window = await reader.read(at + 1, Math.min(end - at - 1, MAX_MPEG_SYNC_SEARCH_BYTES));
    const next = findFrameRun(window, 0, window.length, end - at - 1);
    const id3Next = window.indexOf(0x49); // 'I': a tag may follow the damaged bytes directly
    let resume = next === -1 ? window.length : next;
    for (let index = id3Next; index !== -1 && index < resume; index = window.indexOf(0x49, index + 1)) {
      if (window[index + 1] === 0x44 && window[index + 2] === 0x33 && id3At(window.subarray(index, index + 10), at + 1 + index) !== undefined) {
        resume = index;
        break;
      }
    }
    at += 1 + resume;
  }
  return tags;
}
