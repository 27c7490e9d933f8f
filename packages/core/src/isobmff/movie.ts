/**
 * The movie box (`moov`) of MP4, MOV, M4V, 3GP and M4A files: what the scrubber keeps, blanks,
 * drops and moves.
 *
 * - `mvhd`, `tkhd`, `mdhd`: creation and modification times zeroed (box sizes unchanged).
 * - `udta`, `meta` (keys/ilst), `uuid` at movie and track level: dropped.
 * - Tracks whose handler is not audio, video, subtitles or auxiliary video (timed metadata `mebx`,
 *   GoPro `gpmd`/`fdsc`, `camm`, `mett`, Sony `rtmd`, timecode `tmcd`, …) are dropped, and their
 *   samples are blanked in place in `mdat`: every other sample keeps its offset. Timecode goes too:
 *   it holds the time of day of capture, and players play without it.
 * - `hdlr` names (often the vendor: "GoPro AVC", "Core Media Video") are blanked in place.
 * - `tref` references to dropped tracks go. `stco`/`co64` move with the layout.
 * - Fragmented files (`mvex`) and sample auxiliary offsets (`saio`, encryption) are refused.
 */
import type { MetadataItem } from '../categories.js';
import { fail } from '../issues.js';
import { isZero, printable, type Box } from './box.js';
import { blankName, handlerName, handlerType, handlerVendor } from './boxes/hdlr.js';
import { readChunkOffsets, mapChunkOffsets } from './boxes/stco.js';
import { readChunkRuns } from './boxes/stsc.js';
import { blankEncoderFields, encoderFields, sampleFormat } from './boxes/stsd.js';
import { readSampleSizes } from './boxes/stsz.js';
import { readTimes, zeroTimes } from './boxes/times.js';
import { trackId } from './boxes/tkhd.js';
import { dropReferences } from './boxes/tref.js';
import { classifyMetadataBox } from './metadata-boxes.js';
import { findChild, findPath, parseTree, writeNode, type BoxData, type BoxNode } from './tree.js';
import { MAX_ISOBMFF_TABLE_ENTRIES } from '../bytes/limits.js';

/** Handlers of tracks people watch or listen to. Every other track is metadata (or timecode). */
export const MEDIA_HANDLERS = new Set(['vide', 'soun', 'sbtl', 'subt', 'text', 'clcp', 'auxv']);
const METADATA_CHILDREN = new Set(['udta', 'meta', 'uuid']);
const KNOWN_MOVIE_CHILDREN = new Set(['mvhd', 'trak', 'udta', 'meta', 'uuid', 'iods', 'mvex', 'free', 'skip', 'wide', 'prfl', 'clip', 'ctab', 'htka', 'sefd']);
const KNOWN_TRACK_CHILDREN = new Set(['tkhd', 'tref', 'edts', 'mdia', 'udta', 'meta', 'uuid', 'load', 'imap', 'matt', 'clip', 'tapt', 'txas', 'free', 'skip', 'ttgp', 'trgr', 'kind']);
/** Boxes the movie code never descends into: dropped whole, classified on their own. */
export const MOVIE_OPAQUE: ReadonlySet<string> = METADATA_CHILDREN;

export type Range = readonly [start: number, end: number];

export interface MoviePlan {
  readonly removed: MetadataItem[];
  readonly kept: MetadataItem[];
  readonly notes: string[];
  /** Byte ranges (absolute, in the input) of removed tracks' samples, to blank. */
  readonly blank: Range[];
  /** Serialises the new `moov`, mapping chunk offsets from input to output positions. */
  write(map: (offset: number) => number): Uint8Array;
}

export interface TrackInfo {
  readonly node: BoxNode;
  readonly id: number;
  readonly handler: string;
  readonly format: string | undefined;
}

export function describeTrack(data: BoxData, trak: BoxNode): TrackInfo {
  const tkhd = findChild(trak, 'tkhd');
  const hdlr = findPath(trak, ['mdia', 'hdlr']);
  const stsd = findPath(trak, ['mdia', 'minf', 'stbl', 'stsd']);
  if (tkhd === undefined || hdlr === undefined) fail('invalid', trak.box.start, 'track without tkhd or hdlr');
  return { node: trak, id: trackId(data.payload(tkhd.box)), handler: handlerType(data.payload(hdlr.box)), format: stsd === undefined ? undefined : sampleFormat(stsd) };
}

export function trackCategory(track: TrackInfo): MetadataItem['category'] {
  const kind = track.format ?? track.handler;
  if (kind === 'gpmd' || kind === 'camm' || kind === 'djmd') return 'location';
  if (kind === 'mebx') return 'person';
  if (kind === 'tmcd' || track.handler === 'tmcd') return 'time';
  return 'other';
}

export function trackLabel(track: TrackInfo): string {
  const kind = track.format ?? '?';
  if (track.handler === 'tmcd' || kind === 'tmcd') return `timecode track ${track.id} (tmcd: time of day at capture)`;
  return `timed metadata track ${track.id} (${printable(track.handler)}/${printable(kind)})`;
}

export function planMovie(data: BoxData, moov: Box): MoviePlan {
  const root = parseTree(data, moov, 0, MOVIE_OPAQUE);
  const removed: MetadataItem[] = [];
  const kept: MetadataItem[] = [];
  const notes: string[] = [];
  const blank: Range[] = [];
  const offsetTables: BoxNode[] = [];

  if (findChild(root, 'cmov') !== undefined) fail('unsupported_feature', moov.start, 'compressed movie header (cmov) is not supported');
  for (const child of root.children ?? []) if (!KNOWN_MOVIE_CHILDREN.has(child.box.type)) notes.push(`Kept an unknown '${printable(child.box.type)}' box in moov (${child.box.end - child.box.start} bytes) byte for byte.`);
  if (findChild(root, 'mvex') !== undefined) fail('unsupported_feature', moov.start, 'fragmented MP4 (mvex/moof) is not supported yet; nothing was written');
  const tracks = (root.children ?? []).filter((child) => child.box.type === 'trak').map((trak) => describeTrack(data, trak));
  const dropped = tracks.filter((track) => !MEDIA_HANDLERS.has(track.handler));
  const droppedIds = new Set(dropped.map((track) => track.id));
  if (dropped.length === tracks.length && tracks.length > 0) fail('unsupported_feature', moov.start, 'the file has no audio or video track, only metadata tracks');
  for (const track of dropped) {
    removed.push({ category: trackCategory(track), label: trackLabel(track), offset: track.node.box.start });
    blank.push(...sampleRanges(data, track.node));
  }

  const children: BoxNode[] = [];
  for (const child of root.children ?? []) {
    const type = child.box.type;
    if (METADATA_CHILDREN.has(type)) {
      removed.push(...classifyMetadataBox(data, child.box, 'moov', 1));
      continue;
    }
    if (type === 'mvhd') zeroHeader(data, child, removed, 'movie');
    if (type === 'trak') {
      const track = tracks.find((candidate) => candidate.node === child)!;
      if (droppedIds.has(track.id)) continue;
      cleanTrack(data, track, droppedIds, removed, kept, offsetTables, notes);
    }
    children.push(child);
  }
  root.children = children;
  blankFreeSpace(data, root, removed);
  const mergedBlank = mergeRanges(blank);
  // Safety: blanking must never touch a sample of a kept audio/video track.
  const keptRanges = mergeRanges(tracks.filter((track) => !droppedIds.has(track.id)).flatMap((track) => sampleRanges(data, track.node)));
  const shared = firstOverlap(mergedBlank, keptRanges);
  if (shared !== undefined) fail('invalid', shared, 'a removed metadata track shares bytes with an audio or video track');
  if (dropped.length > 0) notes.push(`Removed ${dropped.length} metadata/timecode track(s); their samples were overwritten with zeros in place, so audio and video keep their offsets.`);

  return {
    removed,
    kept,
    notes,
    blank: mergedBlank,
    write(map) {
      for (const table of offsetTables) table.replacement = mapChunkOffsets(data.payload(table.box), table.box.type, table.box.start, map);
      return writeNode(data, root);
    },
  };
}

/** `free`/`skip` boxes inside the movie are kept in place, with any leftover bytes zeroed. */
function blankFreeSpace(data: BoxData, node: BoxNode, removed: MetadataItem[]): void {
  for (const child of node.children ?? []) {
    if ((child.box.type === 'free' || child.box.type === 'skip') && !isZero(data.payload(child.box))) {
      removed.push({ category: 'other', label: `leftover bytes in a '${child.box.type}' box inside moov`, offset: child.box.start });
      child.replacement = new Uint8Array(child.box.end - child.box.start - child.box.headerSize);
    }
    blankFreeSpace(data, child, removed);
  }
}

function firstOverlap(a: readonly Range[], b: readonly Range[]): number | undefined {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [aStart, aEnd] = a[i]!;
    const [bStart, bEnd] = b[j]!;
    if (aStart < bEnd && bStart < aEnd) return Math.max(aStart, bStart);
    if (aEnd <= bEnd) i++;
    else j++;
  }
  return undefined;
}

function zeroHeader(data: BoxData, node: BoxNode, removed: MetadataItem[], what: string): void {
  const payload = data.payload(node.box);
  const times = readTimes(payload, node.box.start, node.box.type);
  if (times.creation !== 0 || times.modification !== 0) {
    removed.push({ category: 'time', label: `${what} creation/modification time (${node.box.type})`, offset: node.box.start });
    node.replacement = zeroTimes(payload, node.box.start, node.box.type);
  }
}

function cleanTrack(data: BoxData, track: TrackInfo, droppedIds: ReadonlySet<number>, removed: MetadataItem[], kept: MetadataItem[], offsetTables: BoxNode[], notes: string[]): void {
  const where = `track ${track.id}`;
  const trak = track.node;
  trak.children = (trak.children ?? []).filter((child) => {
    const type = child.box.type;
    if (METADATA_CHILDREN.has(type)) {
      removed.push(...classifyMetadataBox(data, child.box, where, 2));
      return false;
    }
    if (type === 'tkhd') {
      zeroHeader(data, child, removed, where);
      if (hasRotation(data.payload(child.box))) kept.push({ category: 'orientation', label: `${where} display matrix (rotation)`, offset: child.box.start });
    }
    if (type === 'tref' && !dropReferences(data, child, droppedIds)) return false;
    if (!KNOWN_TRACK_CHILDREN.has(type)) notes.push(`Kept an unknown '${printable(type)}' box in ${where} (${child.box.end - child.box.start} bytes) byte for byte.`);
    return true;
  });
  const mdia = findChild(trak, 'mdia');
  for (const node of walk(mdia)) {
    const type = node.box.type;
    if (type === 'mdhd') zeroHeader(data, node, removed, `${where} media`);
    else if (type === 'hdlr') {
      const name = handlerName(data.payload(node.box));
      const vendor = handlerVendor(data.payload(node.box));
      if (name !== '' || vendor !== '') {
        removed.push({ category: 'software', label: `${where} handler name/vendor "${name.slice(0, 40)}" ${vendor}`.trim(), offset: node.box.start });
        node.replacement = blankName(data.payload(node.box));
      }
    } else if (type === 'stsd') {
      for (const entry of node.children ?? []) {
        const fields = encoderFields(data.payload(entry.box), track.handler);
        const blanked = blankEncoderFields(data.payload(entry.box), track.handler);
        if (blanked === undefined) continue;
        removed.push({ category: 'software', label: `${where} encoder name/vendor "${fields.compressor}" ${fields.vendor}`.trim(), offset: entry.box.start });
        entry.replacement = blanked;
      }
    } else if (type === 'stco' || type === 'co64') offsetTables.push(node);
    else if (type === 'saio') fail('unsupported_feature', node.box.start, 'sample auxiliary information offsets (saio, used by encrypted tracks) are not supported');
  }
  for (const node of walk(mdia)) {
    if (node.children === undefined) continue;
    node.children = node.children.filter((child) => {
      if (!METADATA_CHILDREN.has(child.box.type)) return true;
      removed.push(...classifyMetadataBox(data, child.box, where, 3));
      return false;
    });
  }
}

function* walk(node: BoxNode | undefined): Generator<BoxNode> {
  if (node === undefined) return;
  yield node;
  for (const child of node.children ?? []) yield* walk(child);
}

const IDENTITY_MATRIX = [0x10000, 0, 0, 0, 0x10000, 0, 0, 0, 0x40000000];

function hasRotation(tkhd: Uint8Array): boolean {
  const at = tkhd[0] === 1 ? 52 : 40;
  if (tkhd.length < at + 36) return false;
  const view = new DataView(tkhd.buffer, tkhd.byteOffset, tkhd.byteLength);
  return IDENTITY_MATRIX.some((value, index) => view.getUint32(at + index * 4) !== value);
}

/** The byte ranges of a track's samples, chunk by chunk, from stsc/stsz/stco. */
export function sampleRanges(data: BoxData, trak: BoxNode): Range[] {
  const stbl = findPath(trak, ['mdia', 'minf', 'stbl']);
  if (stbl === undefined) return [];
  const table = findChild(stbl, 'stco') ?? findChild(stbl, 'co64');
  const stsc = findChild(stbl, 'stsc');
  const sizesBox = findChild(stbl, 'stsz') ?? findChild(stbl, 'stz2');
  if (table === undefined || stsc === undefined || sizesBox === undefined) {
    if (table === undefined && sizesBox === undefined) return [];
    return fail('invalid', stbl.box.start, 'sample table without stco, stsc or stsz');
  }
  const offsets = readChunkOffsets(data.payload(table.box), table.box.type, table.box.start);
  const runs = readChunkRuns(data.payload(stsc.box), stsc.box.start);
  const sizes = readSampleSizes(data.payload(sizesBox.box), sizesBox.box.type, sizesBox.box.start);
  const ranges: Range[] = [];
  let sample = 0;
  let run = 0;
  for (let chunk = 1; chunk <= offsets.length; chunk++) {
    while (run + 1 < runs.length && runs[run + 1]!.firstChunk <= chunk) run++;
    const perChunk = runs[run]?.samplesPerChunk ?? 0;
    if (perChunk > MAX_ISOBMFF_TABLE_ENTRIES) fail('limit_exceeded', stsc.box.start, 'samples per chunk exceeds MAX_ISOBMFF_TABLE_ENTRIES');
    let length = 0;
    for (let index = 0; index < perChunk && sample < sizes.count; index++) length += sizes.sizeOf(sample++);
    const start = offsets[chunk - 1]!;
    if (length > 0) ranges.push([start, start + length]);
  }
  return ranges;
}

export function mergeRanges(ranges: readonly Range[]): Range[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [start, end] of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}
