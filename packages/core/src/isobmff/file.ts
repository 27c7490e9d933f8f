/**
 * Scrubs a whole ISOBMFF file (HEIF images and QuickTime-family movies) as output pieces.
 *
 * Only box headers are read through the ByteSource; `moov` and the image `meta` are loaded and
 * rewritten in memory; `mdat` is described as copy ranges (with zeroed ranges where removed
 * samples or items were), so the CLI streams it file to file. Top-level boxes:
 *
 * | box | action |
 * |---|---|
 * | `ftyp`, `mdat`, `wide`, `pdin`, unknown | copied (unknown ones named in the notes) |
 * | `free`, `skip` | kept in place, payload zeroed when it held leftover bytes |
 * | `moov` | rewritten (movie.ts) |
 * | `meta` with handler `pict` | rewritten (items.ts); any other `meta` dropped |
 * | `uuid` (XMP, vendor), `udta`, `pnot` + `PICT` (QuickTime preview) | dropped |
 * | `moof`, `mfra`, `sidx`, `styp` (fragmented) | refused: `unsupported_feature` |
 *
 * Every chunk or item offset is mapped from its input position to its output position; an offset
 * into a box that was rewritten or dropped is an error, never a silent mismatch.
 */
import { MAX_ISOBMFF_HEADER_BOX_BYTES } from '../bytes/limits.js';
import { PieceBuilder } from '../bytes/pieces.js';
import { bytesEqual } from '../bytes/view.js';
import type { ByteSource } from '../bytes/source.js';
import type { MetadataItem } from '../categories.js';
import { fail } from '../issues.js';
import type { ScrubOptions, ScrubOutput } from '../registry.js';
import { isZero, payloadStart, printable, walkTopLevel, type Box } from './box.js';
import { isImageMeta, planItemMeta } from './items.js';
import { classifyMetadataBox } from './metadata-boxes.js';
import { planMovie, type Range } from './movie.js';
import { BoxData, parseTree } from './tree.js';

export const FRAGMENT_BOXES = new Set(['moof', 'mfra', 'sidx', 'styp', 'ssix']);
const KEPT_TOP_LEVEL = new Set(['ftyp', 'mdat', 'wide', 'pdin', 'free', 'skip', 'moov', 'meta']);
const DROPPED_TOP_LEVEL = new Set(['uuid', 'udta', 'pnot', 'PICT']);
/** free/skip payloads up to this size are read to see whether they hold leftovers; larger ones are zeroed blind. */
export const FREE_SCAN_BYTES = 16 * 1024 * 1024;

export async function loadBox(source: ByteSource, box: Box): Promise<BoxData> {
  const size = box.end - box.start;
  if (size > MAX_ISOBMFF_HEADER_BOX_BYTES) fail('limit_exceeded', box.start, `'${box.type}' box of ${size} bytes exceeds MAX_ISOBMFF_HEADER_BOX_BYTES`);
  const bytes = await source.read(box.start, size);
  if (bytes.length !== size) fail('truncated', box.start, `'${box.type}' box is cut short`);
  return new BoxData(bytes, box.start);
}

interface Rewritten {
  readonly box: Box;
  readonly original: Uint8Array;
  write(map: (offset: number) => number): Uint8Array;
}

type Action = { kind: 'copy'; box: Box; blankPayload: boolean } | { kind: 'rewrite'; rewritten: Rewritten } | { kind: 'drop'; box: Box };

export async function scrubIsobmff(source: ByteSource, options: ScrubOptions): Promise<ScrubOutput> {
  const boxes = await walkTopLevel(source);
  const removed: MetadataItem[] = [];
  const kept: MetadataItem[] = [];
  const notes: string[] = [];
  const blank: Range[] = [];
  const actions: Action[] = [];
  const fragment = boxes.find((box) => FRAGMENT_BOXES.has(box.type));
  if (fragment !== undefined) fail('unsupported_feature', fragment.start, `fragmented MP4 ('${fragment.type}') is not supported yet; nothing was written`);
  if (boxes.filter((box) => box.type === 'moov').length > 1) fail('invalid', boxes.filter((box) => box.type === 'moov')[1]!.start, 'more than one moov box');

  for (const box of boxes) {
    if (box.type === 'moov') {
      const data = await loadBox(source, box);
      const plan = planMovie(data, box);
      removed.push(...plan.removed);
      kept.push(...plan.kept);
      notes.push(...plan.notes);
      blank.push(...plan.blank);
      actions.push({ kind: 'rewrite', rewritten: { box, original: data.bytes, write: plan.write } });
    } else if (box.type === 'meta') {
      const data = await loadBox(source, box);
      if (isImageMeta(data, parseTree(data, box, 0))) {
        const plan = await planItemMeta(data, box, options, (start, end) => source.read(start, end - start));
        removed.push(...plan.removed);
        kept.push(...plan.kept);
        notes.push(...plan.notes);
        blank.push(...plan.blank);
        actions.push({ kind: 'rewrite', rewritten: { box, original: data.bytes, write: plan.write } });
      } else {
        removed.push(...classifyMetadataBox(data, box, 'file', 0));
        actions.push({ kind: 'drop', box });
      }
    } else if (DROPPED_TOP_LEVEL.has(box.type)) {
      const data = box.end - box.start <= FREE_SCAN_BYTES ? await loadBox(source, box) : undefined;
      removed.push(...(data === undefined ? [{ category: 'other' as const, label: `'${printable(box.type)}' box`, offset: box.start }] : classifyMetadataBox(data, box, 'file', 0)));
      actions.push({ kind: 'drop', box });
    } else if (box.type === 'free' || box.type === 'skip') {
      const length = box.end - payloadStart(box);
      const leftovers = length > FREE_SCAN_BYTES || !isZero(await source.read(payloadStart(box), length));
      if (leftovers) removed.push({ category: 'other', label: `${length} leftover bytes in a '${box.type}' box`, offset: box.start });
      actions.push({ kind: 'copy', box, blankPayload: leftovers });
    } else {
      if (!KEPT_TOP_LEVEL.has(box.type)) notes.push(`Kept an unknown top-level '${printable(box.type)}' box (${box.end - box.start} bytes) byte for byte.`);
      actions.push({ kind: 'copy', box, blankPayload: false });
    }
  }

  if (!actions.some((action) => action.kind === 'rewrite')) fail('invalid', 0, 'no movie (moov) or image (meta with a pict handler) box: not a file we can read');

  // Pass 1: sizes. Offsets do not change sizes, so an identity map gives the final layout.
  const sizes = actions.map((action) => (action.kind === 'rewrite' ? action.rewritten.write((offset) => offset).length : action.kind === 'copy' ? action.box.end - action.box.start : 0));
  const segments: { start: number; end: number; newStart: number }[] = [];
  let at = 0;
  actions.forEach((action, index) => {
    if (action.kind === 'copy') segments.push({ start: action.box.start, end: action.box.end, newStart: at });
    at += sizes[index]!;
  });
  const growth = at - source.size;
  const map = (offset: number): number => {
    for (const segment of segments) if (offset >= segment.start && offset < segment.end) return segment.newStart + offset - segment.start;
    // Offsets past the end (files whose media was cut away) keep their distance from the end.
    if (offset >= source.size) return offset + growth;
    return fail('invalid', offset, 'a sample or item offset points into a header box, not into media data');
  };

  // Pass 2: pieces.
  const out = new PieceBuilder();
  const ranges = blank.filter(([start, end]) => end > start);
  actions.forEach((action, index) => {
    if (action.kind === 'drop') return;
    if (action.kind === 'rewrite') {
      const bytes = action.rewritten.write(map);
      if (bytes.length !== sizes[index]) fail('invalid', action.rewritten.box.start, 'rewritten header changed size between passes');
      for (const [start, end] of ranges) if (start < action.rewritten.box.end && end > action.rewritten.box.start) fail('invalid', start, 'samples of a removed track point into a header box (media data missing or damaged)');
      // A header box that came out identical is copied, so a clean file is recognised as such.
      if (bytesEqual(bytes, action.rewritten.original)) out.copy(action.rewritten.box.start, bytes.length);
      else out.bytes(bytes);
      return;
    }
    const { box } = action;
    if (action.blankPayload) {
      out.copy(box.start, box.headerSize);
      out.zeros(box.end - payloadStart(box));
      return;
    }
    let cursor = box.start;
    for (const [start, end] of ranges) {
      const from = Math.max(start, payloadStart(box));
      const to = Math.min(end, box.end);
      if (to <= from || from < cursor) continue;
      out.copy(cursor, from - cursor);
      out.zeros(to - from);
      cursor = to;
    }
    out.copy(cursor, box.end - cursor);
  });
  return { pieces: out.pieces, removed, kept, notes };
}
