/**
 * `stco` (32-bit) and `co64` (64-bit) chunk offsets: absolute file offsets of each chunk of a
 * track's samples. When boxes before `mdat` change size, every entry moves with them.
 */
import { MAX_ISOBMFF_TABLE_ENTRIES } from '../../bytes/limits.js';
import { ByteView, checkedLength } from '../../bytes/view.js';
import { fail } from '../../issues.js';

function entrySize(type: string): number {
  return type === 'co64' ? 8 : 4;
}

function count(view: ByteView, type: string, offset: number): number {
  const max = Math.min(MAX_ISOBMFF_TABLE_ENTRIES, Math.floor(Math.max(0, view.length - 8) / entrySize(type)));
  const check = { max, what: `${type} entry count`, offset };
  return checkedLength(view.u32be(4), max === MAX_ISOBMFF_TABLE_ENTRIES ? { ...check, limit: 'MAX_ISOBMFF_TABLE_ENTRIES' } : check);
}

export function readChunkOffsets(payload: Uint8Array, type: string, offset: number): number[] {
  const view = new ByteView(payload);
  const n = count(view, type, offset);
  const out = new Array<number>(n);
  for (let index = 0; index < n; index++) out[index] = type === 'co64' ? view.u64be(8 + index * 8) : view.u32be(8 + index * 4);
  return out;
}

/** A copy with every offset passed through `map`. */
export function mapChunkOffsets(payload: Uint8Array, type: string, offset: number, map: (value: number) => number): Uint8Array {
  const offsets = readChunkOffsets(payload, type, offset);
  const out = payload.slice();
  const data = new DataView(out.buffer, out.byteOffset, out.byteLength);
  offsets.forEach((value, index) => {
    const mapped = map(value);
    if (type === 'co64') data.setBigUint64(8 + index * 8, BigInt(mapped));
    else if (mapped > 0xffff_ffff || mapped < 0) fail('unsupported_feature', offset, 'a chunk offset would no longer fit in 32 bits');
    else data.setUint32(8 + index * 4, mapped);
  });
  return out;
}
