/**
 * HEIF (HEIC, AVIF) item metadata: the file-level `meta` box with handler `pict`.
 *
 * Metadata items (`Exif`, `mime` such as XMP `application/rdf+xml`, `uri `) are removed, keeping
 * five structures consistent (scrubbing.md §2.6): their `infe` goes from `iinf` (count fixed), their
 * `iloc` entry goes and their bytes are overwritten with zeros where they were (in `mdat` or
 * `idat`), references from or to them go from `iref`, their `ipma` entry goes, and `pitm` is
 * checked. When `meta` shrinks and `mdat` follows, every file offset in `iloc` moves with it.
 *
 * Image items stay byte for byte: the primary image, grid tiles, thumbnails (`thmb`: a smaller copy
 * of the same picture, reported as kept) and auxiliary images (alpha, depth, gain maps). Properties
 * stay, including `irot`/`imir` (orientation) and `colr` (an ICC profile is dropped on request,
 * which renumbers `ipma`).
 */
import type { MetadataItem } from '../categories.js';
import { fail, isFormatError } from '../issues.js';
import { classifyExif } from '../payloads/exif-tiff/classify.js';
import { classifyXmp } from '../payloads/xmp.js';
import type { ScrubOptions } from '../registry.js';
import { printable, type Box } from './box.js';
import { isIccColour } from './boxes/colr.js';
import { handlerType } from './boxes/hdlr.js';
import { iinfPrefix, readItemInfo, type ItemInfo } from './boxes/iinf.js';
import { readItemLocations, writeItemLocations, type ItemLocation, type ItemLocations } from './boxes/iloc.js';
import { readAssociations, writeAssociations } from './boxes/ipma.js';
import { irefVersion, readReference, referencePayload } from './boxes/iref.js';
import { primaryItem } from './boxes/pitm.js';
import { classifyMetadataBox } from './metadata-boxes.js';
import { mergeRanges, type Range } from './movie.js';
import { findChild, findPath, parseTree, writeNode, type BoxData, type BoxNode } from './tree.js';

/** Item types that hold metadata rather than pictures. */
const METADATA_ITEM_TYPES = new Set(['Exif', 'mime', 'uri ']);
/** Item types that are (parts of) pictures. Any other type is kept only when a picture refers to it. */
const IMAGE_ITEM_TYPES = new Set(['hvc1', 'hvt1', 'lhv1', 'av01', 'avc1', 'vvc1', 'vvi1', 'jpeg', 'j2k1', 'unci', 'grid', 'iden', 'iovl', 'tmap', 'mski', 'pred', 'evc1']);
/** References that make an item part of a picture (derivation, thumbnail, auxiliary, base). */
const IMAGE_REFERENCES = new Set(['dimg', 'thmb', 'auxl', 'base', 'prem', 'tbas', 'iloc', 'pred', 'mask']);

export interface ItemMetaPlan {
  readonly removed: MetadataItem[];
  readonly kept: MetadataItem[];
  readonly notes: string[];
  readonly blank: Range[];
  write(map: (offset: number) => number): Uint8Array;
}

export interface ItemTable {
  readonly root: BoxNode;
  readonly infos: ItemInfo[];
  readonly locations: ItemLocations | undefined;
  readonly references: { type: string; from: number; to: number[] }[];
}

export function isImageMeta(data: BoxData, root: BoxNode): boolean {
  const hdlr = findChild(root, 'hdlr');
  return hdlr !== undefined && handlerType(data.payload(hdlr.box)) === 'pict';
}

export function readItemTable(data: BoxData, meta: Box): ItemTable {
  const root = parseTree(data, meta, 0);
  const iinf = findChild(root, 'iinf');
  const infos = (iinf?.children ?? []).filter((child) => child.box.type === 'infe').map((child) => readItemInfo(data.payload(child.box), child.box.start));
  const iloc = findChild(root, 'iloc');
  const locations = iloc === undefined ? undefined : readItemLocations(data.payload(iloc.box), iloc.box.start);
  const iref = findChild(root, 'iref');
  const version = iref === undefined ? 0 : irefVersion(data, iref);
  const references = (iref?.children ?? []).map((child) => readReference(data, child, version));
  return { root, infos, locations, references };
}

export function isMetadataItem(info: ItemInfo): boolean {
  return METADATA_ITEM_TYPES.has(info.type);
}

/** What an item reveals, reading its bytes when they are in memory or small. */
export async function classifyItem(info: ItemInfo, read: () => Promise<Uint8Array | undefined>): Promise<MetadataItem[]> {
  const label = info.type === 'mime' ? `${info.contentType || 'MIME'} item ${info.id}` : `${printable(info.type)} item ${info.id}`;
  try {
    const bytes = await read();
    if (bytes !== undefined && info.type === 'Exif' && bytes.length >= 4) {
      const skip = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0);
      if (skip + 4 <= bytes.length) return classifyExif(bytes.subarray(4 + skip), info.offset).items.map((item) => ({ ...item, label: `${item.label} (HEIF Exif item)`, offset: info.offset }));
    }
    if (bytes !== undefined && info.type === 'mime' && /rdf\+xml|xmp/i.test(info.contentType)) return classifyXmp(bytes, info.offset);
  } catch (error) {
    if (!isFormatError(error)) throw error;
  }
  return [{ category: info.type === 'Exif' ? 'other' : 'other', label, offset: info.offset }];
}

export function itemRanges(data: BoxData, table: ItemTable, location: ItemLocation): { file: Range[]; idat: Range[] } {
  const file: Range[] = [];
  const idat: Range[] = [];
  for (const extent of location.extents) {
    const start = location.base + extent.offset;
    if (location.method === 0 && location.dataReference === 0) {
      if (extent.length === 0) fail('unsupported_feature', table.root.box.start, `item ${location.id} extends to the end of the file`);
      file.push([start, start + extent.length]);
    } else if (location.method === 1) idat.push([start, start + extent.length]);
    else if (location.method !== 2) fail('unsupported_feature', table.root.box.start, `item ${location.id} uses construction method ${location.method}`);
  }
  void data;
  return { file, idat };
}

export async function planItemMeta(data: BoxData, meta: Box, options: ScrubOptions, readFile: (start: number, end: number) => Promise<Uint8Array>): Promise<ItemMetaPlan> {
  const table = readItemTable(data, meta);
  const { root, infos, locations } = table;
  const removed: MetadataItem[] = [];
  const kept: MetadataItem[] = [];
  const notes: string[] = [];
  const blank: Range[] = [];
  const idatBlank: Range[] = [];
  const removedIds = new Set(infos.filter(isMetadataItem).map((info) => info.id));

  const known = new Set(infos.map((info) => info.id));
  for (const location of locations?.items ?? []) if (!known.has(location.id)) fail('invalid', meta.start, `item ${location.id} has a location but no item info`);
  for (const info of infos) {
    if (IMAGE_ITEM_TYPES.has(info.type) || removedIds.has(info.id)) continue;
    const partOfPicture = table.references.some((reference) => IMAGE_REFERENCES.has(reference.type) && (reference.from === info.id || reference.to.includes(info.id)));
    if (!partOfPicture) fail('unsupported_feature', info.offset, `unknown item type '${printable(info.type)}' (item ${info.id}) that no picture refers to`);
  }

  const pitm = findChild(root, 'pitm');
  if (pitm !== undefined && removedIds.has(primaryItem(data.payload(pitm.box)))) fail('unsupported_feature', pitm.box.start, 'the primary item is a metadata item');
  // An item derived from a metadata item (construction method 2, or a 'dimg' from one) would break.
  for (const reference of table.references) {
    if (!removedIds.has(reference.from) && reference.type !== 'cdsc' && reference.to.some((id) => removedIds.has(id))) {
      fail('unsupported_feature', meta.start, `image item ${reference.from} is built from a metadata item ('${printable(reference.type)}')`);
    }
  }

  const idat = findChild(root, 'idat');
  for (const info of infos.filter(isMetadataItem)) {
    const location = locations?.items.find((item) => item.id === info.id);
    const ranges = location === undefined ? { file: [], idat: [] } : itemRanges(data, table, location);
    blank.push(...ranges.file);
    idatBlank.push(...ranges.idat);
    removed.push(...(await classifyItem(info, () => readItemBytes(data, idat, ranges, readFile))));
  }
  for (const reference of table.references) if (reference.type === 'thmb') kept.push({ category: 'thumbnail', label: `thumbnail image item ${reference.from} (a smaller copy of the same picture)` });

  // Properties: orientation kept, ICC kept or dropped.
  const ipco = findPath(root, ['iprp', 'ipco']);
  const properties = ipco?.children ?? [];
  const dropProperty = new Set<number>();
  properties.forEach((property, index) => {
    const type = property.box.type;
    if (type === 'irot' || type === 'imir') kept.push({ category: 'orientation', label: `HEIF ${type}`, offset: property.box.start });
    if (type === 'colr' && isIccColour(data.payload(property.box))) {
      const item = { category: 'colour-profile' as const, label: 'ICC colour profile (colr)', offset: property.box.start };
      if (options.keepColourProfile) kept.push(item);
      else {
        removed.push(item);
        dropProperty.add(index + 1);
      }
    }
  });

  // Rewrite the five structures.
  const iinf = findChild(root, 'iinf');
  if (iinf?.children !== undefined) {
    iinf.children = iinf.children.filter((child) => child.box.type !== 'infe' || !removedIds.has(readItemInfo(data.payload(child.box), child.box.start).id));
    iinf.replacement = iinfPrefix(data.payload(iinf.box)[0] ?? 0, iinf.children.filter((child) => child.box.type === 'infe').length);
  }
  const iref = findChild(root, 'iref');
  if (iref?.children !== undefined) {
    const version = irefVersion(data, iref);
    iref.children = iref.children.filter((child) => {
      const reference = readReference(data, child, version);
      if (removedIds.has(reference.from)) return false;
      const to = reference.to.filter((id) => !removedIds.has(id));
      if (to.length === 0) return false;
      if (to.length !== reference.to.length) child.replacement = referencePayload({ ...reference, to }, version);
      return true;
    });
    if (iref.children.length === 0 && root.children !== undefined) root.children = root.children.filter((child) => child !== iref);
  }
  const ipma = findPath(root, ['iprp', 'ipma']);
  if (ipma !== undefined) {
    const layout = readAssociations(data.payload(ipma.box), ipma.box.start);
    const renumber = (index: number): number => index - [...dropProperty].filter((dropped) => dropped < index).length;
    const entries = layout.entries
      .filter((entry) => !removedIds.has(entry.item))
      .map((entry) => ({ item: entry.item, properties: entry.properties.filter((p) => !dropProperty.has(p.index)).map((p) => ({ ...p, index: p.index === 0 ? 0 : renumber(p.index) })) }));
    if (entries.length !== layout.entries.length || dropProperty.size > 0) ipma.replacement = writeAssociations({ ...layout, entries });
  }
  if (ipco !== undefined && dropProperty.size > 0) ipco.children = properties.filter((_, index) => !dropProperty.has(index + 1));
  if (idat !== undefined && idatBlank.length > 0) {
    const payload = data.payload(idat.box).slice();
    for (const [start, end] of idatBlank) payload.fill(0, Math.max(0, start), Math.min(payload.length, end));
    idat.replacement = payload;
  }
  // Any other metadata box inside meta (rare: XMP as a box) goes as well.
  if (root.children !== undefined) root.children = root.children.filter((child) => {
    if (child.box.type !== 'uuid' && child.box.type !== 'xml ' && child.box.type !== 'XMP_') return true;
    removed.push(...classifyMetadataBox(data, child.box, 'meta', 1));
    return false;
  });
  if (removedIds.size > 0) notes.push(`Removed ${removedIds.size} metadata item(s); their bytes were overwritten with zeros in place.`);

  const iloc = findChild(root, 'iloc');
  return {
    removed,
    kept,
    notes,
    blank: mergeRanges(blank),
    write(map) {
      if (iloc !== undefined && locations !== undefined) {
        const keptLocations = locations.items.filter((item) => !removedIds.has(item.id));
        iloc.replacement = writeItemLocations(data.payload(iloc.box), locations, keptLocations, map, iloc.box.start);
      }
      return writeNode(data, root);
    },
  };
}

/** Bytes of one item, up to 4 MB (enough to classify an Exif or XMP payload). */
async function readItemBytes(data: BoxData, idat: BoxNode | undefined, ranges: { file: Range[]; idat: Range[] }, readFile: (start: number, end: number) => Promise<Uint8Array>): Promise<Uint8Array | undefined> {
  const limit = 4 * 1024 * 1024;
  const parts: Uint8Array[] = [];
  let total = 0;
  for (const [start, end] of ranges.file) {
    if (total + end - start > limit) return undefined;
    parts.push(await readFile(start, end));
    total += end - start;
  }
  if (idat !== undefined) for (const [start, end] of ranges.idat) parts.push(data.payload(idat.box).subarray(start, end));
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
