/**
 * Lists what a Photoshop Image Resource block (JPEG APP13 "Photoshop 3.0", TIFF tag 34377) carries:
 * IPTC-IIM records (resource 0x0404), thumbnails (0x0409, 0x040C) and others. Records follow the
 * IIM 4.2 layout: 0x1C, record, dataset, u16 length, data.
 */
import { ByteView, checkedLength } from '../bytes/view.js';
import type { Category, MetadataItem } from '../categories.js';

const IPTC_DATASETS: ReadonlyMap<number, { name: string; category: Category }> = new Map([
  [0x0250, { name: 'By-line', category: 'person' }],
  [0x0255, { name: 'By-line Title', category: 'person' }],
  [0x0274, { name: 'Copyright Notice', category: 'person' }],
  [0x0276, { name: 'Contact', category: 'person' }],
  [0x026e, { name: 'Credit', category: 'person' }],
  [0x0273, { name: 'Source', category: 'person' }],
  [0x025a, { name: 'City', category: 'location' }],
  [0x025c, { name: 'Sub-location', category: 'location' }],
  [0x025f, { name: 'Province/State', category: 'location' }],
  [0x0264, { name: 'Country Code', category: 'location' }],
  [0x0265, { name: 'Country', category: 'location' }],
  [0x0237, { name: 'Date Created', category: 'time' }],
  [0x023c, { name: 'Time Created', category: 'time' }],
  [0x023e, { name: 'Digital Creation Date', category: 'time' }],
  [0x0241, { name: 'Originating Program', category: 'software' }],
]);

const PHOTOSHOP_SIGNATURE = '8BIM';
const RESOURCE_IPTC = 0x0404;
const RESOURCE_THUMBNAILS = new Set([0x0409, 0x040c]);

/** `block` starts at the first "8BIM" resource (after the "Photoshop 3.0\0" identifier in JPEG). */
export function classifyPhotoshopResources(block: Uint8Array, offset = 0): MetadataItem[] {
  const view = new ByteView(block);
  const items: MetadataItem[] = [];
  let at = 0;
  while (at + 12 <= view.length && view.ascii(at, 4) === PHOTOSHOP_SIGNATURE) {
    const id = view.u16be(at + 4);
    const nameLength = view.u8(at + 6);
    const nameField = (nameLength + 2) & ~1; // Pascal string padded to even length
    const sizeAt = at + 6 + nameField;
    const size = checkedLength(view.u32be(sizeAt), { max: view.length - sizeAt - 4, what: 'Photoshop resource size', offset: offset + sizeAt });
    const dataAt = sizeAt + 4;
    if (id === RESOURCE_IPTC) items.push(...classifyIptc(view.slice(dataAt, size), offset + dataAt));
    else if (RESOURCE_THUMBNAILS.has(id)) items.push({ category: 'thumbnail', label: 'Photoshop thumbnail', offset: offset + at });
    else items.push({ category: 'other', label: `Photoshop resource 0x${id.toString(16)}`, offset: offset + at });
    at = dataAt + size + (size & 1);
  }
  if (items.length === 0) items.push({ category: 'other', label: 'Photoshop image resources', offset });
  return items;
}

export function classifyIptc(data: Uint8Array, offset = 0): MetadataItem[] {
  const view = new ByteView(data);
  const items: MetadataItem[] = [];
  let at = 0;
  while (at + 5 <= view.length && view.u8(at) === 0x1c) {
    const key = (view.u8(at + 1) << 8) | view.u8(at + 2);
    const length = view.u16be(at + 3);
    if (length & 0x8000) break; // extended datasets are not used for the fields we classify
    const known = IPTC_DATASETS.get(key);
    items.push(known ? { category: known.category, label: `IPTC ${known.name}`, offset: offset + at } : { category: 'other', label: `IPTC ${key >> 8}:${key & 0xff}`, offset: offset + at });
    at += 5 + length;
  }
  if (items.length === 0) items.push({ category: 'other', label: 'IPTC block', offset });
  return items;
}
