/**
 * Vorbis comment block (Vorbis I spec §5; also FLAC VORBIS_COMMENT and Opus `OpusTags`).
 *
 *   u32le vendor_length, vendor string (UTF-8), u32le count, then count × (u32le length, "KEY=value").
 *
 * Vorbis adds a framing bit after the list; Opus may add binary data after it. Both are the caller's.
 * `classifyTagName` is shared by every audio tag format (Vorbis, ID3 text frames, APE items, RIFF
 * INFO): it maps a field name to what it reveals.
 */
import { ByteView, checkedLength } from '../../bytes/view.js';
import { MAX_VORBIS_COMMENT_FIELDS } from '../../bytes/limits.js';
import type { Category, MetadataItem } from '../../categories.js';
import { FormatError } from '../../issues.js';

export interface VorbisComment {
  readonly vendor: string;
  readonly fields: readonly { readonly key: string; readonly offset: number }[];
  /** Offset just past the last field, relative to the block start. */
  readonly end: number;
}

/** Parses a comment block starting at `at` in `bytes`; offsets are reported as `base + position`. */
export function parseVorbisComment(bytes: Uint8Array, at: number, base: number): VorbisComment {
  const view = new ByteView(bytes);
  const vendorLength = checkedLength(view.u32le(at), { max: bytes.length - at - 4, what: 'Vorbis comment vendor length', offset: base + at });
  const vendor = utf8(bytes.subarray(at + 4, at + 4 + vendorLength));
  let cursor = at + 4 + vendorLength;
  const count = view.u32le(cursor);
  if (count > MAX_VORBIS_COMMENT_FIELDS) {
    throw new FormatError({ code: 'limit_exceeded', offset: base + cursor, detail: `Vorbis comment declares ${count} fields`, limit: 'MAX_VORBIS_COMMENT_FIELDS', value: count });
  }
  cursor += 4;
  const fields: { key: string; offset: number }[] = [];
  for (let index = 0; index < count; index++) {
    const length = checkedLength(view.u32le(cursor), { max: bytes.length - cursor - 4, what: 'Vorbis comment field length', offset: base + cursor });
    const field = bytes.subarray(cursor + 4, cursor + 4 + length);
    const equals = field.indexOf(0x3d);
    fields.push({ key: utf8(equals === -1 ? field : field.subarray(0, equals)).toUpperCase(), offset: base + cursor });
    cursor += 4 + length;
  }
  return { vendor, fields, end: cursor };
}

/** An empty comment block: no vendor (it names the encoder library and version), no fields. */
export function emptyVorbisComment(): Uint8Array {
  return new Uint8Array(8);
}

export function vorbisCommentItems(comment: VorbisComment, where: string, offset: number): MetadataItem[] {
  const items: MetadataItem[] = [];
  if (comment.vendor !== '') items.push({ category: 'software', label: `${where} vendor string`, offset });
  for (const field of comment.fields) items.push({ category: classifyTagName(field.key), label: `${where} ${field.key}`, offset: field.offset });
  return items;
}

const TIME = /DATE|YEAR|TIME|^TDRC$|^TYER$|^TDAT$|^TIME$|^TDEN$|^TDOR$|^TORY$|^TRDA$|^TDRL$|^TDTG$|^ICRD$|^YEAR$|^TYE$|^TDA$|^TIM$|^TRD$|^TOR$/i;
const PERSON = /ARTIST|AUTHOR|PERFORMER|COMPOSER|CONDUCTOR|LYRICIST|WRITER|ARRANGER|COPYRIGHT|LICENSE|OWNER|CONTACT|ENCODED.?BY|PUBLISHER|ORGANI[SZ]ATION|LABEL|PRODUCER|ENGINEER|ORIGINATOR|^TPE\d$|^TCOM$|^TEXT$|^TOLY$|^TOPE$|^TCOP$|^TOWN$|^TENC$|^TPUB$|^TIPL$|^TMCL$|^TRSO$|^TRSN$|^WOAR$|^WCOP$|^WPUB$|^IART$|^ICOP$|^IENG$|^ITCH$|^ICMS$|^TP\d$|^TCM$|^TXT$|^TCR$|^TEN$|^TPB$/i;
const SOFTWARE = /ENCODER|ENCODING|SOFTWARE|VENDOR|TOOL|^TSSE$|^ISFT$|^TSS$/i;
const LOCATION = /LOCATION|PLACE|GPS|LATITUDE|LONGITUDE|^ICNT$|^IARL$/i;
const DEVICE = /DEVICE|MAKE|MODEL|SERIAL|^ISRF$|^IMED$/i;
const PICTURE = /PICTURE|COVER|^APIC$|^PIC$/i;

/** What a tag field reveals, judged by its name. Anything unrecognised is 'other'. */
export function classifyTagName(name: string): Category {
  if (PICTURE.test(name)) return 'thumbnail';
  if (LOCATION.test(name)) return 'location';
  if (TIME.test(name)) return 'time';
  if (SOFTWARE.test(name)) return 'software';
  if (DEVICE.test(name)) return 'device';
  if (PERSON.test(name)) return 'person';
  return 'other';
}

/**
 * Field names are ASCII by spec; for labels we keep printable ASCII and show anything else as "?".
 * (Core has no TextDecoder in its type environment, and labels never need the full text.)
 */
export function utf8(bytes: Uint8Array): string {
  let text = '';
  for (let index = 0; index < bytes.length && index < 256; index++) {
    const byte = bytes[index]!;
    text += byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '?';
  }
  return text;
}
