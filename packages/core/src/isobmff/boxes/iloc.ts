/**
 * `iloc`: where each HEIF item's bytes are. Per item: construction method (0 = file offset,
 * 1 = inside `idat`, 2 = from other items), data reference, base offset and extents
 * (offset, length). Field widths are declared in the header (0, 4 or 8 bytes).
 */
import { MAX_ISOBMFF_TABLE_ENTRIES } from '../../bytes/limits.js';
import { ByteView, checkedLength, concatBytes } from '../../bytes/view.js';
import { fail } from '../../issues.js';

export interface Extent {
  readonly offset: number;
  readonly length: number;
  /** Position of the extent_offset field in the payload. */
  readonly field: number;
}

export interface ItemLocation {
  readonly id: number;
  readonly method: number;
  readonly dataReference: number;
  readonly base: number;
  readonly baseField: number;
  readonly extents: readonly Extent[];
  /** This entry's bytes in the payload. */
  readonly start: number;
  readonly end: number;
}

export interface ItemLocations {
  readonly version: number;
  readonly offsetSize: number;
  readonly baseSize: number;
  readonly headerEnd: number;
  readonly items: ItemLocation[];
}

function readSized(view: ByteView, at: number, size: number): number {
  if (size === 0) return 0;
  if (size === 4) return view.u32be(at);
  if (size === 8) return view.u64be(at);
  return fail('invalid', at, `iloc field size ${size}`);
}

export function readItemLocations(payload: Uint8Array, offset: number): ItemLocations {
  const view = new ByteView(payload);
  const version = view.u8(0);
  if (version > 2) fail('unsupported_feature', offset, `iloc version ${version}`);
  const sizes = view.u16be(4);
  const offsetSize = sizes >> 12;
  const lengthSize = (sizes >> 8) & 0xf;
  const baseSize = (sizes >> 4) & 0xf;
  const indexSize = version > 0 ? sizes & 0xf : 0;
  let at = 6;
  const count = checkedLength(version < 2 ? view.u16be(at) : view.u32be(at), { max: MAX_ISOBMFF_TABLE_ENTRIES, what: 'iloc item count', offset, limit: 'MAX_ISOBMFF_TABLE_ENTRIES' });
  at += version < 2 ? 2 : 4;
  const headerEnd = at;
  const items: ItemLocation[] = [];
  for (let index = 0; index < count; index++) {
    const start = at;
    const id = version < 2 ? view.u16be(at) : view.u32be(at);
    at += version < 2 ? 2 : 4;
    let method = 0;
    if (version > 0) {
      method = view.u16be(at) & 0xf;
      at += 2;
    }
    const dataReference = view.u16be(at);
    at += 2;
    const baseField = at;
    const base = readSized(view, at, baseSize);
    at += baseSize;
    const extentCount = view.u16be(at);
    at += 2;
    const extents: Extent[] = [];
    for (let e = 0; e < extentCount; e++) {
      at += indexSize;
      const field = at;
      const extentOffset = readSized(view, at, offsetSize);
      at += offsetSize;
      const length = readSized(view, at, lengthSize);
      at += lengthSize;
      extents.push({ offset: extentOffset, length, field });
    }
    items.push({ id, method, dataReference, base, baseField, extents, start, end: at });
  }
  return { version, offsetSize, baseSize, headerEnd, items };
}

/** A new iloc payload keeping `kept` entries, with file offsets (method 0) passed through `map`. */
export function writeItemLocations(payload: Uint8Array, layout: ItemLocations, kept: readonly ItemLocation[], map: (absolute: number) => number, offset: number): Uint8Array {
  const header = payload.slice(0, layout.headerEnd);
  const headerView = new DataView(header.buffer);
  if (layout.version < 2) headerView.setUint16(6, kept.length);
  else headerView.setUint32(6, kept.length);
  const entries = kept.map((item) => {
    const entry = payload.slice(item.start, item.end);
    if (item.method !== 0 || item.dataReference !== 0) return entry;
    const put = (field: number, size: number, value: number): void => {
      const view = new DataView(entry.buffer);
      if (value < 0 || (size === 4 && value > 0xffff_ffff)) fail('unsupported_feature', offset, 'an item offset would no longer fit its field');
      if (size === 4) view.setUint32(field - item.start, value);
      else if (size === 8) view.setBigUint64(field - item.start, BigInt(value));
      else if (value !== 0) fail('unsupported_feature', offset, 'an item with zero-width offsets would move');
    };
    if (layout.baseSize > 0 || layout.offsetSize === 0) {
      const first = item.extents[0]?.offset ?? 0;
      const newBase = map(item.base + first) - first;
      for (const extent of item.extents) if (map(item.base + extent.offset) !== newBase + extent.offset) fail('unsupported_feature', offset, `item ${item.id} spans boxes that move differently`);
      put(item.baseField, layout.baseSize, newBase);
    } else {
      for (const extent of item.extents) put(extent.field, layout.offsetSize, map(item.base + extent.offset) - item.base);
    }
    return entry;
  });
  return concatBytes([header, ...entries]);
}
