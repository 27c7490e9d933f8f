/**
 * ID3v2 tags (id3.org ID3v2.2, v2.3.0, v2.4.0 structure).
 *
 *   header: "ID3", version (2, 3 or 4), revision, flags, 4-byte syncsafe size (7 bits per byte) of
 *   everything after the header, not counting a v2.4 footer. Flags: 0x80 unsynchronisation,
 *   0x40 extended header (v2.3/v2.4; compression in v2.2), 0x10 footer present (v2.4).
 *   footer (v2.4, appended tags): "3DI" and the same fields, so a tag at the end of a file can be
 *   found from the back.
 *   frames: v2.2 3-char id + 3-byte size; v2.3 4-char id + u32 size + 2 flag bytes; v2.4 the same
 *   with syncsafe sizes. Zero bytes after the last frame are padding.
 *
 * The scrubber removes whole tags, so frames are only walked to say what was there; a malformed
 * frame list is reported, not fatal. The tag size itself is checked strictly: it decides which
 * bytes are audio.
 */
import { ByteView, checkedLength } from '../../bytes/view.js';
import { MAX_ID3_FRAME_COUNT, MAX_ID3_TAG_BYTES } from '../../bytes/limits.js';
import type { MetadataItem } from '../../categories.js';
import { FormatError, fail } from '../../issues.js';
import { classifyTagName, utf8 } from '../ogg/vorbis-comment.js';

export const ID3_HEADER_BYTES = 10;

export interface Id3v2Header {
  readonly version: number;
  readonly flags: number;
  /** Bytes after the 10-byte header, footer excluded. */
  readonly bodySize: number;
  /** Header + body + footer. */
  readonly totalSize: number;
}

function syncsafe(view: ByteView, at: number): number | undefined {
  const bytes = [view.u8(at), view.u8(at + 1), view.u8(at + 2), view.u8(at + 3)];
  if (bytes.some((byte) => byte >= 0x80)) return undefined;
  return (bytes[0]! << 21) | (bytes[1]! << 14) | (bytes[2]! << 7) | bytes[3]!;
}

/**
 * Reads an ID3v2 header or footer (`magic` "ID3" or "3DI") at `at`. Returns undefined when the
 * bytes are not one; throws `invalid` when the magic is there but the fields are impossible.
 */
export function readId3v2Header(bytes: Uint8Array, at: number, fileOffset: number, magic: 'ID3' | '3DI' = 'ID3'): Id3v2Header | undefined {
  if (bytes.length < at + ID3_HEADER_BYTES) return undefined;
  const view = new ByteView(bytes);
  if (view.ascii(at, 3) !== magic) return undefined;
  const version = view.u8(at + 3);
  const revision = view.u8(at + 4);
  const flags = view.u8(at + 5);
  const size = syncsafe(view, at + 6);
  if (version < 2 || version > 4 || revision === 0xff || size === undefined) fail('invalid', fileOffset, `not a valid ID3v2 ${magic === 'ID3' ? 'header' : 'footer'} (version ${version}.${revision})`);
  if (size > MAX_ID3_TAG_BYTES) throw new FormatError({ code: 'limit_exceeded', offset: fileOffset + 6, detail: `ID3v2 tag of ${size} bytes`, limit: 'MAX_ID3_TAG_BYTES', value: size });
  const footer = version === 4 && (flags & 0x10) !== 0 ? ID3_HEADER_BYTES : 0;
  return { version, flags, bodySize: size, totalSize: ID3_HEADER_BYTES + size + footer };
}

/** Removes unsynchronisation: every 0xFF 0x00 becomes 0xFF. */
export function deunsynchronise(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length);
  let length = 0;
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index]!;
    out[length++] = byte;
    if (byte === 0xff && bytes[index + 1] === 0x00) index++;
  }
  return out.subarray(0, length);
}

const FRAME_LABELS: Record<string, string> = {
  APIC: 'cover art', PIC: 'cover art', COMM: 'comment', COM: 'comment', PRIV: 'private frame', GEOB: 'embedded object', GEO: 'embedded object',
  TXXX: 'user text', TXX: 'user text', WXXX: 'user link', UFID: 'unique file id', USLT: 'lyrics', SYLT: 'synced lyrics', MCDI: 'CD identifier',
  POPM: 'rating with e-mail', PCNT: 'play count', TIT2: 'title', TALB: 'album', TPE1: 'artist', TDRC: 'recording date', TYER: 'year',
  TENC: 'encoded by', TSSE: 'encoder settings', TCOP: 'copyright', TOWN: 'owner',
};

/** Lists the frames of one tag (header at `tag[0]`), as found at `offset` in the file. */
export function listId3v2Frames(tag: Uint8Array, header: Id3v2Header, offset: number): MetadataItem[] {
  const where = `ID3v2.${header.version}`;
  const items: MetadataItem[] = [];
  let body = tag.subarray(ID3_HEADER_BYTES, ID3_HEADER_BYTES + header.bodySize);
  if (header.version === 2 && (header.flags & 0x40) !== 0) {
    return [{ category: 'other', label: `${where} tag (compressed, frames not listed)`, offset }];
  }
  // v2.2/v2.3 unsynchronise the whole tag; v2.4 flags it per frame, and frame sizes count stored bytes.
  if ((header.flags & 0x80) !== 0 && header.version < 4) body = deunsynchronise(body);
  const view = new ByteView(body);
  let at = 0;
  try {
    if ((header.flags & 0x40) !== 0) {
      // Extended header: v2.3 size excludes its own 4 bytes; v2.4 size is syncsafe and includes them.
      const declared = header.version === 3 ? view.u32be(0) + 4 : (syncsafe(view, 0) ?? fail('invalid', offset + ID3_HEADER_BYTES, 'ID3v2.4 extended header size is not syncsafe'));
      at = checkedLength(declared, { max: body.length, what: 'ID3v2 extended header size', offset: offset + ID3_HEADER_BYTES });
    }
    const idLength = header.version === 2 ? 3 : 4;
    const headerLength = header.version === 2 ? 6 : 10;
    while (at + headerLength <= body.length) {
      if (body[at] === 0) break; // padding
      const id = view.ascii(at, idLength);
      if (!/^[A-Z0-9]+$/.test(id)) {
        items.push({ category: 'other', label: `${where} unreadable frame data`, offset: offset + ID3_HEADER_BYTES + at });
        break;
      }
      if (items.length >= MAX_ID3_FRAME_COUNT) {
        throw new FormatError({ code: 'limit_exceeded', offset: offset + at, detail: 'too many ID3v2 frames', limit: 'MAX_ID3_FRAME_COUNT', value: items.length });
      }
      const size =
        header.version === 2
          ? (view.u8(at + 3) << 16) | (view.u8(at + 4) << 8) | view.u8(at + 5)
          : header.version === 4
            ? (syncsafe(view, at + 4) ?? view.u32be(at + 4))
            : view.u32be(at + 4);
      const length = checkedLength(size, { max: body.length - at - headerLength, what: `ID3v2 frame ${id} size`, offset: offset + ID3_HEADER_BYTES + at });
      const data = body.subarray(at + headerLength, at + headerLength + length);
      items.push({ category: classifyTagName(id), label: frameLabel(where, id, data), offset: offset + ID3_HEADER_BYTES + at });
      at += headerLength + length;
    }
  } catch (error) {
    if (!(error instanceof FormatError) || error.code === 'limit_exceeded') throw error;
    items.push({ category: 'other', label: `${where} frame list damaged (${error.detail})`, offset: error.offset });
  }
  if (items.length === 0) items.push({ category: 'other', label: `${where} tag (no frames, ${header.totalSize} bytes)`, offset });
  return items;
}

function frameLabel(where: string, id: string, data: Uint8Array): string {
  const name = FRAME_LABELS[id];
  let label = name === undefined ? `${where} ${id}` : `${where} ${id} (${name})`;
  if (id === 'PRIV' || id === 'UFID') {
    const end = data.indexOf(0);
    label += ` owner "${utf8(data.subarray(0, end === -1 ? Math.min(64, data.length) : Math.min(end, 64)))}"`;
  }
  return label;
}
