/**
 * `ipma`: which `ipco` properties each item uses. Indices are 1-based (0 = none), 7 or 15 bits
 * with an "essential" flag on top. Removing a property from `ipco` renumbers every later index.
 */
import { MAX_ISOBMFF_TABLE_ENTRIES } from '../../bytes/limits.js';
import { ByteView, checkedLength } from '../../bytes/view.js';

export interface PropertyAssociation {
  readonly item: number;
  readonly properties: { readonly index: number; readonly essential: boolean }[];
}

export interface Associations {
  readonly version: number;
  readonly flags: number;
  readonly entries: PropertyAssociation[];
}

export function readAssociations(payload: Uint8Array, offset: number): Associations {
  const view = new ByteView(payload);
  const version = view.u8(0);
  const flags = view.u32be(0) & 0xffffff;
  const count = checkedLength(view.u32be(4), { max: Math.min(MAX_ISOBMFF_TABLE_ENTRIES, payload.length), what: 'ipma entry count', offset });
  const entries: PropertyAssociation[] = [];
  let at = 8;
  for (let index = 0; index < count; index++) {
    const item = version < 1 ? view.u16be(at) : view.u32be(at);
    at += version < 1 ? 2 : 4;
    const n = view.u8(at++);
    const properties: PropertyAssociation['properties'][number][] = [];
    for (let p = 0; p < n; p++) {
      if (flags & 1) {
        const value = view.u16be(at);
        at += 2;
        properties.push({ index: value & 0x7fff, essential: (value & 0x8000) !== 0 });
      } else {
        const value = view.u8(at++);
        properties.push({ index: value & 0x7f, essential: (value & 0x80) !== 0 });
      }
    }
    entries.push({ item, properties });
  }
  return { version, flags, entries };
}

export function writeAssociations(layout: Associations): Uint8Array {
  const wideItem = layout.version >= 1;
  const wideIndex = (layout.flags & 1) !== 0;
  let size = 8;
  for (const entry of layout.entries) size += (wideItem ? 4 : 2) + 1 + entry.properties.length * (wideIndex ? 2 : 1);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, (layout.version << 24) | layout.flags);
  view.setUint32(4, layout.entries.length);
  let at = 8;
  for (const entry of layout.entries) {
    if (wideItem) view.setUint32(at, entry.item);
    else view.setUint16(at, entry.item);
    at += wideItem ? 4 : 2;
    view.setUint8(at++, entry.properties.length);
    for (const property of entry.properties) {
      if (wideIndex) {
        view.setUint16(at, (property.essential ? 0x8000 : 0) | property.index);
        at += 2;
      } else view.setUint8(at++, (property.essential ? 0x80 : 0) | property.index);
    }
  }
  return out;
}
