/** `iref`: item references (`thmb`, `cdsc`, `dimg`, `auxl`…): from one item to a list of items. */
import { ByteView } from '../../bytes/view.js';
import type { BoxData, BoxNode } from '../tree.js';

export interface ItemReference {
  readonly type: string;
  readonly from: number;
  readonly to: number[];
}

export function readReference(data: BoxData, node: BoxNode, version: number): ItemReference {
  const view = data.view(node.box);
  const wide = version !== 0;
  const from = wide ? view.u32be(0) : view.u16be(0);
  const at = wide ? 4 : 2;
  const count = view.u16be(at);
  const to: number[] = [];
  for (let index = 0; index < count; index++) to.push(wide ? view.u32be(at + 2 + index * 4) : view.u16be(at + 2 + index * 2));
  return { type: node.box.type, from, to };
}

export function referencePayload(reference: ItemReference, version: number): Uint8Array {
  const wide = version !== 0;
  const out = new Uint8Array((wide ? 6 : 4) + reference.to.length * (wide ? 4 : 2));
  const view = new DataView(out.buffer);
  if (wide) view.setUint32(0, reference.from);
  else view.setUint16(0, reference.from);
  const at = wide ? 4 : 2;
  view.setUint16(at, reference.to.length);
  reference.to.forEach((id, index) => (wide ? view.setUint32(at + 2 + index * 4, id) : view.setUint16(at + 2 + index * 2, id)));
  return out;
}

export function irefVersion(data: BoxData, iref: BoxNode): number {
  return new ByteView(data.payload(iref.box)).u8(0);
}
