/** `pitm`: the primary item ID (16-bit in version 0, 32-bit in version 1). */
import { ByteView } from '../../bytes/view.js';

export function primaryItem(payload: Uint8Array): number {
  const view = new ByteView(payload);
  return view.u8(0) === 0 ? view.u16be(4) : view.u32be(4);
}
