/**
 * Ogg Vorbis, Opus and FLAC scrubber. The comment header packet is replaced by an empty one, so
 * the header pages are re-paginated: new page headers, lacing and CRCs for the pages that carried
 * the comment (and, for Vorbis, the setup header). Audio packets are never touched. When the new
 * headers still fill the same number of pages (almost always: a page may hold a single segment),
 * every audio page keeps its sequence number and CRC and is copied as one verbatim range; if not,
 * each audio page gets a new header (renumbered, new CRC) and its body is copied verbatim.
 *
 * Chained files (complete streams one after another) are cleaned stream by stream. Multiplexed
 * files (interleaved streams, e.g. Skeleton + Vorbis, or audio + video) are refused as
 * `unsupported_feature` rather than half-cleaned.
 */
import { PieceBuilder } from '../../bytes/pieces.js';
import type { ByteSource } from '../../bytes/source.js';
import { checkedLength } from '../../bytes/view.js';
import { MAX_OGG_HEADER_PACKET_BYTES } from '../../bytes/limits.js';
import type { MetadataItem } from '../../categories.js';
import { fail } from '../../issues.js';
import type { FormatModule, Inspection, ScrubOutput } from '../../registry.js';
import { codecFor, type OggCodec } from './codecs.js';
import { oggCrc } from './crc.js';
import { FLAG_BOS, FLAG_CONTINUED, FLAG_EOS, lace, OGG_MAGIC, pageHeader, readLacing, walkPages, WindowedReader, type OggPage } from './page.js';

/** One logical stream of a chained file: from its BOS page to its EOS page. */
interface OggLink {
  readonly pages: readonly OggPage[];
  readonly codec: OggCodec;
  readonly first: Uint8Array;
  /** Header packets after the first. */
  readonly packets: readonly Uint8Array[];
  /** Index (in `pages`) of the page on which the last header packet ends (it must end the page). */
  readonly lastHeaderPage: number;
}

interface OggFile {
  readonly reader: WindowedReader;
  readonly links: readonly OggLink[];
  /** End of the last page; bytes after it are trailing junk. */
  readonly end: number;
}

async function pageBody(reader: WindowedReader, page: OggPage): Promise<Uint8Array> {
  return (await reader.read(page.offset + page.headerLength, page.bodyLength)).slice();
}

/**
 * Splits the pages into links. A chained file is several complete streams one after another (each
 * BOS … EOS), which we clean one by one. A BOS page before the previous stream's EOS, or a page of
 * another serial inside a stream, means interleaved (multiplexed) streams: refused.
 */
function splitLinks(pages: readonly OggPage[]): OggPage[][] {
  const links: OggPage[][] = [];
  let current: OggPage[] | undefined;
  for (const page of pages) {
    const bos = (page.flags & FLAG_BOS) !== 0;
    if (current === undefined) {
      if (!bos) fail('invalid', page.offset, 'an Ogg stream does not start with a beginning-of-stream page');
      current = [page];
      links.push(current);
    } else {
      if (bos || page.serial !== current[0]!.serial) fail('unsupported_feature', page.offset, 'interleaved logical streams (multiplexed Ogg)');
      current.push(page);
    }
    if ((page.flags & FLAG_EOS) !== 0) current = undefined;
  }
  return links;
}

async function readLink(reader: WindowedReader, pages: readonly OggPage[]): Promise<OggLink> {
  const head = pages[0]!;
  const headLacing = await readLacing(reader, head);
  // The first packet is alone on the first page (Vorbis, Opus and FLAC mappings all say so).
  if (headLacing.length === 0 || headLacing[headLacing.length - 1] === 255 || headLacing.subarray(0, -1).some((value) => value < 255)) {
    fail('invalid', head.offset, 'the first Ogg page does not hold exactly one packet');
  }
  const first = await pageBody(reader, head);
  const codec = codecFor(first, head.offset + head.headerLength);
  const packets: Uint8Array[] = [];
  let parts: Uint8Array[] = [];
  let partBytes = 0;
  let index = 1;
  for (; packets.length < codec.headerPackets; index++) {
    const page = pages[index];
    if (page === undefined) fail('truncated', pages[pages.length - 1]!.end, 'the Ogg stream ends inside its header packets');
    const lacing = await readLacing(reader, page);
    const body = await pageBody(reader, page);
    let at = 0;
    for (let segment = 0; segment < lacing.length; segment++) {
      if (packets.length === codec.headerPackets) fail('unsupported_feature', page.offset, 'audio data shares a page with the header packets');
      const value = lacing[segment]!;
      parts.push(body.subarray(at, at + value));
      at += value;
      partBytes = checkedLength(partBytes + value, { max: MAX_OGG_HEADER_PACKET_BYTES, what: 'Ogg header packet', offset: page.offset, limit: 'MAX_OGG_HEADER_PACKET_BYTES' });
      if (value < 255) {
        packets.push(concat(parts, partBytes));
        parts = [];
        partBytes = 0;
      }
    }
  }
  return { pages, codec, first, packets, lastHeaderPage: index - 1 };
}

async function readOgg(source: ByteSource): Promise<OggFile> {
  const reader = new WindowedReader(source);
  const { pages, end } = await walkPages(reader);
  if (pages.length === 0) fail('truncated', 0, 'no Ogg pages');
  const links: OggLink[] = [];
  for (const linkPages of splitLinks(pages)) links.push(await readLink(reader, linkPages));
  return { reader, links, end };
}

function concat(parts: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

function itemsOf(file: OggFile): MetadataItem[] {
  const items: MetadataItem[] = [];
  file.links.forEach((link, index) => {
    const offset = link.pages[1]?.offset ?? link.pages[0]!.offset;
    const found = link.codec.items(link.packets, offset);
    items.push(...(file.links.length === 1 ? found : found.map((item) => ({ ...item, label: `stream ${index + 1}: ${item.label}` }))));
  });
  const size = file.reader.source.size;
  if (file.end < size) items.push({ category: 'other', label: `${size - file.end} bytes after the last Ogg page`, offset: file.end });
  return items;
}

async function inspectOgg(source: ByteSource): Promise<Inspection> {
  return { items: itemsOf(await readOgg(source)), issues: [] };
}

/** Writes one link: new header pages, then its audio pages (verbatim, or renumbered). Returns the page shift. */
async function writeLink(out: PieceBuilder, reader: WindowedReader, link: OggLink): Promise<number> {
  const { pages } = link;
  const head = pages[0]!;
  const cleaned = link.codec.clean(link.first, link.packets);
  if (cleaned.first === undefined) {
    out.copy(head.offset, head.end - head.offset);
  } else {
    const lacing = Uint8Array.from(lace(cleaned.first.length));
    out.bytes(pageHeader({ flags: head.flags, granule: 0n, serial: head.serial, sequence: head.sequence, lacing }, cleaned.first)).bytes(cleaned.first);
  }

  // Lay the new header packets out over as many pages as before when there are enough segments.
  const lacing = cleaned.packets.flatMap((packet) => lace(packet.length));
  const data = concat(cleaned.packets, cleaned.packets.reduce((sum, packet) => sum + packet.length, 0));
  const before = link.lastHeaderPage; // header pages after the first
  const count = Math.max(Math.ceil(lacing.length / 255), Math.min(before, lacing.length));
  const lastOriginal = pages[link.lastHeaderPage]!;
  let segment = 0;
  let byte = 0;
  for (let page = 0; page < count; page++) {
    const take = Math.floor(lacing.length / count) + (page < lacing.length % count ? 1 : 0);
    const values = Uint8Array.from(lacing.slice(segment, segment + take));
    const length = values.reduce((sum, value) => sum + value, 0);
    const body = data.subarray(byte, byte + length);
    const continued = segment > 0 && lacing[segment - 1] === 255;
    const endsPacket = values.some((value) => value < 255);
    const eos = page === count - 1 ? lastOriginal.flags & FLAG_EOS : 0;
    const header = pageHeader({ flags: (continued ? FLAG_CONTINUED : 0) | eos, granule: endsPacket ? 0n : -1n, serial: head.serial, sequence: head.sequence + 1 + page, lacing: values }, body);
    out.bytes(header).bytes(body);
    segment += take;
    byte += length;
  }

  const shift = count - before;
  const audio = pages.slice(link.lastHeaderPage + 1);
  if (shift === 0) {
    if (audio.length > 0) out.copy(audio[0]!.offset, audio[audio.length - 1]!.end - audio[0]!.offset);
    return shift;
  }
  for (const page of audio) {
    const header = (await reader.read(page.offset, page.headerLength)).slice();
    const view = new DataView(header.buffer);
    view.setUint32(18, (page.sequence + shift) >>> 0, true);
    view.setUint32(22, 0, true);
    const body = await reader.read(page.offset + page.headerLength, page.bodyLength);
    view.setUint32(22, oggCrc(body, oggCrc(header)), true);
    out.bytes(header).copy(page.offset + page.headerLength, page.bodyLength);
  }
  return shift;
}

async function scrubOgg(source: ByteSource): Promise<ScrubOutput> {
  const file = await readOgg(source);
  const removed = itemsOf(file);
  if (removed.length === 0) return { pieces: new PieceBuilder().copy(0, source.size).pieces, removed, kept: [], notes: [] };
  const out = new PieceBuilder();
  let renumbered = false;
  for (const link of file.links) renumbered = (await writeLink(out, file.reader, link)) !== 0 || renumbered;
  // Bytes after the last page are not copied (they are listed in `removed`).
  const codecs = [...new Set(file.links.map((link) => link.codec.name))].join(', ');
  const streams = file.links.length === 1 ? '' : ` in each of the ${file.links.length} chained streams`;
  const notes = [`Rewrote the ${codecs} comment header as an empty one (no vendor string)${streams} and re-paginated the header pages; audio packets are unchanged${renumbered ? ', some audio pages were renumbered' : ' and audio pages are copied as they were'}.`];
  return { pieces: out.pieces, removed, kept: [], notes };
}

export const ogg: FormatModule = {
  id: 'ogg',
  label: 'Ogg (Vorbis, Opus, FLAC)',
  family: 'audio',
  mediaType: 'audio/ogg',
  extensions: ['ogg', 'oga', 'opus'],
  sniff: (head) => (OGG_MAGIC.every((byte, index) => head[index] === byte) && head[4] === 0 && ((head[5] ?? 0) & FLAG_BOS) !== 0 ? 'confident' : undefined),
  inspect: inspectOgg,
  scrub: scrubOgg,
};
