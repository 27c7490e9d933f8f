/** QuickTime `keys` (in `meta` with handler `mdta`): version/flags, count, then (size, namespace, key name). */
import { MAX_ISOBMFF_TABLE_ENTRIES } from '../../bytes/limits.js';
import { ByteView, checkedLength } from '../../bytes/view.js';

export function readKeys(payload: Uint8Array, offset: number): string[] {
  const view = new ByteView(payload);
  const n = checkedLength(view.u32be(4), { max: Math.min(MAX_ISOBMFF_TABLE_ENTRIES, Math.floor(Math.max(0, payload.length - 8) / 8)), what: 'keys entry count', offset });
  const keys: string[] = [];
  let at = 8;
  for (let index = 0; index < n; index++) {
    const size = checkedLength(view.u32be(at), { max: payload.length - at, what: 'keys entry size', offset: offset + at });
    if (size < 8) break;
    keys.push(view.ascii(at + 8, size - 8));
    at += size;
  }
  return keys;
}
