/**
 * The header packets of the Ogg codecs we clean, and their replacements.
 *
 * - Vorbis I (§4.2, §5): identification "\x01vorbis", comment "\x03vorbis" + comment block +
 *   framing bit, setup "\x05vorbis". The comment packet becomes an empty block with no vendor.
 * - Opus (RFC 7845 §5): "OpusHead", then "OpusTags" + comment block (+ optional binary data,
 *   dropped too). Same replacement.
 * - Ogg FLAC (FLAC "Ogg mapping"): "\x7fFLAC", major, minor, u16be count of header packets,
 *   "fLaC", STREAMINFO block; then one metadata block per packet, VORBIS_COMMENT first. We keep
 *   SEEKTABLE and CUESHEET as in native FLAC, empty the VORBIS_COMMENT (the mapping requires one),
 *   drop the rest, fix the last-block flag and the packet count.
 *
 * The vendor string names the encoding library and its version ("Lavf60.3.100", "libopus 1.3.1"),
 * which narrows down the software and machine that made the file; it is optional content, so we
 * write it empty rather than a made-up generic name.
 */
import { asciiBytes, concatBytes } from '../../bytes/view.js';
import type { MetadataItem } from '../../categories.js';
import { fail } from '../../issues.js';
import { BLOCK_TYPE, blockName } from '../flac/blocks.js';
import { emptyVorbisComment, parseVorbisComment, vorbisCommentItems } from './vorbis-comment.js';

export interface OggCodec {
  readonly name: string;
  /** Header packets after the first one. */
  readonly headerPackets: number;
  items(packets: readonly Uint8Array[], offset: number): MetadataItem[];
  /** New first packet (undefined: unchanged) and new following header packets. */
  clean(first: Uint8Array, packets: readonly Uint8Array[]): { first?: Uint8Array; packets: Uint8Array[] };
}

function startsWithText(bytes: Uint8Array, text: string): boolean {
  if (bytes.length < text.length) return false;
  for (let index = 0; index < text.length; index++) if (bytes[index] !== text.charCodeAt(index)) return false;
  return true;
}

const VORBIS_COMMENT_MAGIC = '\x03vorbis';
const OPUS_TAGS_MAGIC = 'OpusTags';

const vorbis: OggCodec = {
  name: 'Vorbis',
  headerPackets: 2,
  items(packets, offset) {
    const comment = packets[0]!;
    if (!startsWithText(comment, VORBIS_COMMENT_MAGIC)) fail('invalid', offset, 'the second Vorbis header is not a comment header');
    return vorbisCommentItems(parseVorbisComment(comment, 7, offset), 'Vorbis comment', offset);
  },
  clean(_first, packets) {
    return { packets: [concatBytes([asciiBytes(VORBIS_COMMENT_MAGIC), emptyVorbisComment(), new Uint8Array([1])]), packets[1]!] };
  },
};

const opus: OggCodec = {
  name: 'Opus',
  headerPackets: 1,
  items(packets, offset) {
    const tags = packets[0]!;
    if (!startsWithText(tags, OPUS_TAGS_MAGIC)) fail('invalid', offset, 'the second Opus header is not OpusTags');
    const comment = parseVorbisComment(tags, 8, offset);
    const items = vorbisCommentItems(comment, 'OpusTags', offset);
    if (comment.end < tags.length && (tags[comment.end]! & 1) === 1) items.push({ category: 'other', label: 'OpusTags binary data', offset });
    return items;
  },
  clean() {
    return { packets: [concatBytes([asciiBytes(OPUS_TAGS_MAGIC), emptyVorbisComment()])] };
  },
};

/** Ogg FLAC needs the packet count from the first packet, so it is built per stream. */
function oggFlac(first: Uint8Array, offset: number): OggCodec {
  if (first.length < 51 || !startsWithText(first.subarray(9), 'fLaC')) fail('invalid', offset, 'malformed Ogg FLAC first packet');
  const count = (first[7]! << 8) | first[8]!;
  if (count === 0) fail('unsupported_feature', offset + 7, 'Ogg FLAC with an unknown number of header packets');
  const KEPT = new Set<number>([BLOCK_TYPE.SEEKTABLE, BLOCK_TYPE.CUESHEET]);
  return {
    name: 'FLAC',
    headerPackets: count,
    items(packets) {
      const items: MetadataItem[] = [];
      for (const packet of packets) {
        const type = packet[0]! & 0x7f;
        if (type === BLOCK_TYPE.VORBIS_COMMENT) items.push(...vorbisCommentItems(parseVorbisComment(packet, 4, offset), 'Ogg FLAC Vorbis comment', offset));
        else if (type === BLOCK_TYPE.PICTURE) items.push({ category: 'thumbnail', label: 'Ogg FLAC PICTURE (cover art)', offset });
        else if (!KEPT.has(type)) items.push({ category: 'other', label: `Ogg FLAC ${blockName(type)}`, offset });
      }
      return items;
    },
    clean(firstPacket, packets) {
      const kept = [Uint8Array.of(BLOCK_TYPE.VORBIS_COMMENT, 0, 0, 8, ...emptyVorbisComment()), ...packets.filter((packet) => KEPT.has(packet[0]! & 0x7f)).map((packet) => packet.slice())];
      kept.forEach((packet, index) => (packet[0] = (packet[0]! & 0x7f) | (index === kept.length - 1 ? 0x80 : 0)));
      const newFirst = firstPacket.slice();
      newFirst[7] = kept.length >> 8;
      newFirst[8] = kept.length & 0xff;
      // STREAMINFO is never the last block here: the VORBIS_COMMENT follows it.
      newFirst[13] = newFirst[13]! & 0x7f;
      return { first: newFirst, packets: kept };
    },
  };
}

export function codecFor(first: Uint8Array, offset: number): OggCodec {
  if (startsWithText(first, '\x01vorbis')) return vorbis;
  if (startsWithText(first, 'OpusHead')) return opus;
  if (startsWithText(first, '\x7fFLAC')) return oggFlac(first, offset);
  const name = String.fromCharCode(...first.subarray(0, 8)).replace(/[^\x20-\x7e]/g, '.');
  return fail('unsupported_feature', offset, `Ogg stream of an unsupported codec ("${name}")`);
}
