/**
 * The verification reader for ISOBMFF files: lists every piece of metadata a file still holds,
 * walking the boxes afresh (it shares box decoders with the writer, not its decisions). It is what
 * the CLI runs on a written output before keeping it, so it looks for everything the scrubber is
 * meant to remove: metadata boxes at every level of `moov`, non-zero header dates, timed metadata
 * and timecode tracks, vendor handler names, XMP `uuid` boxes, leftover bytes in `free` boxes, and
 * HEIF metadata items.
 */
import type { ByteSource } from '../bytes/source.js';
import type { MetadataItem } from '../categories.js';
import type { Issue } from '../issues.js';
import { isFormatError } from '../issues.js';
import type { Inspection } from '../registry.js';
import { isZero, payloadStart, printable, walkTopLevel } from './box.js';
import { isIccColour } from './boxes/colr.js';
import { handlerName, handlerVendor } from './boxes/hdlr.js';
import { encoderFields } from './boxes/stsd.js';
import { readTimes, describeTime } from './boxes/times.js';
import { FRAGMENT_BOXES, FREE_SCAN_BYTES, loadBox } from './file.js';
import { classifyItem, isImageMeta, isMetadataItem, itemRanges, readItemTable } from './items.js';
import { classifyMetadataBox } from './metadata-boxes.js';
import { describeTrack, MEDIA_HANDLERS, MOVIE_OPAQUE, trackCategory, trackLabel } from './movie.js';
import { findChild, findPath, parseTree, type BoxData, type BoxNode } from './tree.js';

export async function inspectIsobmff(source: ByteSource): Promise<Inspection> {
  const items: MetadataItem[] = [];
  const issues: Issue[] = [];
  try {
    const boxes = await walkTopLevel(source);
    if (!boxes.some((box) => box.type === 'moov' || box.type === 'meta')) issues.push({ code: 'invalid', offset: 0, detail: 'no moov or meta box' });
    for (const box of boxes) {
      if (FRAGMENT_BOXES.has(box.type)) {
        issues.push({ code: 'unsupported_feature', offset: box.start, detail: `fragmented MP4 ('${box.type}') is not read` });
      } else if (box.type === 'moov') {
        items.push(...inspectMovie(await loadBox(source, box)));
      } else if (box.type === 'meta') {
        const data = await loadBox(source, box);
        const root = parseTree(data, box, 0);
        if (isImageMeta(data, root)) items.push(...(await inspectItems(data, source)));
        else items.push(...classifyMetadataBox(data, box, 'file', 0));
      } else if (box.type === 'uuid' || box.type === 'udta' || box.type === 'pnot' || box.type === 'PICT') {
        items.push(...(box.end - box.start <= FREE_SCAN_BYTES ? classifyMetadataBox(await loadBox(source, box), box, 'file', 0) : [{ category: 'other' as const, label: `'${printable(box.type)}' box`, offset: box.start }]));
      } else if (box.type === 'free' || box.type === 'skip') {
        const length = Math.min(box.end - payloadStart(box), FREE_SCAN_BYTES);
        if (!isZero(await source.read(payloadStart(box), length))) items.push({ category: 'other', label: `leftover bytes in a '${box.type}' box`, offset: box.start });
      }
    }
  } catch (error) {
    if (!isFormatError(error)) throw error;
    issues.push(error.toIssue());
  }
  return { items, issues };
}

function inspectMovie(data: BoxData): MetadataItem[] {
  const root = parseTree(data, { type: 'moov', start: data.base, headerSize: headerSizeAt(data), end: data.base + data.bytes.length, toEnd: false }, 0, MOVIE_OPAQUE);
  const items: MetadataItem[] = [];
  const visit = (node: BoxNode, where: string, depth: number, handler = ''): void => {
    for (const child of node.children ?? []) {
      const type = child.box.type;
      if (type === 'udta' || type === 'meta' || type === 'uuid') items.push(...classifyMetadataBox(data, child.box, where, depth));
      else if (type === 'mvhd' || type === 'tkhd' || type === 'mdhd') {
        const times = readTimes(data.payload(child.box), child.box.start, type);
        for (const [name, value] of [['creation', times.creation], ['modification', times.modification]] as const) {
          if (value !== 0) items.push({ category: 'time', label: `${where} ${type} ${name} time ${describeTime(value)}`, offset: child.box.start });
        }
      } else if (type === 'hdlr') {
        const name = handlerName(data.payload(child.box));
        const vendor = handlerVendor(data.payload(child.box));
        if (name !== '' || vendor !== '') items.push({ category: 'software', label: `${where} handler name/vendor "${name.slice(0, 40)}" ${vendor}`.trim(), offset: child.box.start });
      } else if (type === 'stsd') {
        for (const entry of child.children ?? []) {
          const fields = encoderFields(data.payload(entry.box), handler);
          if (fields.vendor !== '' || fields.compressor !== '') items.push({ category: 'software', label: `${where} encoder name/vendor "${fields.compressor}" ${fields.vendor}`.trim(), offset: entry.box.start });
        }
      } else if ((type === 'free' || type === 'skip') && !isZero(data.payload(child.box))) {
        items.push({ category: 'other', label: `leftover bytes in a '${type}' box inside moov`, offset: child.box.start });
      } else if (type === 'trak') {
        const track = describeTrack(data, child);
        if (!MEDIA_HANDLERS.has(track.handler)) items.push({ category: trackCategory(track), label: trackLabel(track), offset: child.box.start });
        visit(child, `track ${track.id}`, depth + 1, track.handler);
      } else if (child.children !== undefined) visit(child, where, depth + 1, handler);
    }
  };
  visit(root, 'moov', 1);
  return items;
}

function headerSizeAt(data: BoxData): number {
  return data.bytes[0] === 0 && data.bytes[1] === 0 && data.bytes[2] === 0 && data.bytes[3] === 1 ? 16 : 8;
}

async function inspectItems(data: BoxData, source: ByteSource): Promise<MetadataItem[]> {
  const meta = { type: 'meta', start: data.base, headerSize: headerSizeAt(data), end: data.base + data.bytes.length, toEnd: false };
  const table = readItemTable(data, meta);
  const items: MetadataItem[] = [];
  const idat = findChild(table.root, 'idat');
  for (const info of table.infos.filter(isMetadataItem)) {
    const location = table.locations?.items.find((entry) => entry.id === info.id);
    items.push(
      ...(await classifyItem(info, async () => {
        if (location === undefined) return undefined;
        const ranges = itemRanges(data, table, location);
        const [first] = ranges.file;
        if (first !== undefined && ranges.file.length === 1 && first[1] - first[0] <= 4 * 1024 * 1024) return source.read(first[0], first[1] - first[0]);
        const [inIdat] = ranges.idat;
        if (idat !== undefined && inIdat !== undefined) return data.payload(idat.box).subarray(inIdat[0], inIdat[1]);
        return undefined;
      })),
    );
  }
  for (const reference of table.references) if (reference.type === 'thmb') items.push({ category: 'thumbnail', label: `thumbnail image item ${reference.from}` });
  for (const property of findPath(table.root, ['iprp', 'ipco'])?.children ?? []) {
    if (property.box.type === 'colr' && isIccColour(data.payload(property.box))) items.push({ category: 'colour-profile', label: 'ICC colour profile (colr)', offset: property.box.start });
    if (property.box.type === 'irot' || property.box.type === 'imir') items.push({ category: 'orientation', label: `HEIF ${property.box.type}`, offset: property.box.start });
  }
  for (const child of table.root.children ?? []) if (child.box.type === 'uuid' || child.box.type === 'xml ' || child.box.type === 'XMP_') items.push(...classifyMetadataBox(data, child.box, 'meta', 1));
  return items;
}
