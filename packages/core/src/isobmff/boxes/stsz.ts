/** `stsz` (sizes, or one size for all) and `stz2` (compact 4/8/16-bit sizes). */
import { MAX_ISOBMFF_TABLE_ENTRIES } from '../../bytes/limits.js';
import { ByteView, checkedLength } from '../../bytes/view.js';
import { fail } from '../../issues.js';

export interface SampleSizes {
  readonly count: number;
  sizeOf(index: number): number;
}

export function readSampleSizes(payload: Uint8Array, type: string, offset: number): SampleSizes {
  const view = new ByteView(payload);
  if (type === 'stsz') {
    const fixed = view.u32be(4);
    const n = view.u32be(8);
    if (fixed !== 0) return { count: checkedLength(n, { max: MAX_ISOBMFF_TABLE_ENTRIES, what: 'stsz sample count', offset, limit: 'MAX_ISOBMFF_TABLE_ENTRIES' }), sizeOf: () => fixed };
    checkedLength(n, { max: Math.floor(Math.max(0, payload.length - 12) / 4), what: 'stsz sample count', offset });
    return { count: n, sizeOf: (index) => view.u32be(12 + index * 4) };
  }
  const field = payload[7] ?? 0;
  if (field !== 4 && field !== 8 && field !== 16) fail('invalid', offset, `stz2 field size ${field}`);
  const n = checkedLength(view.u32be(8), { max: Math.floor(Math.max(0, payload.length - 12) * 8 / field), what: 'stz2 sample count', offset });
  return {
    count: n,
    sizeOf: (index) => {
      if (field === 16) return view.u16be(12 + index * 2);
      if (field === 8) return view.u8(12 + index);
      const byte = view.u8(12 + (index >> 1));
      return index % 2 === 0 ? byte >> 4 : byte & 0x0f;
    },
  };
}
