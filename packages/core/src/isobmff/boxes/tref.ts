/**
 * `tref`: track references, one child box per reference type (`tmcd`, `cdsc`, `chap`, `hint`…)
 * holding 32-bit track IDs. References to removed tracks are dropped, and a type left empty goes.
 */
import type { BoxData, BoxNode } from '../tree.js';

export function trackIds(data: BoxData, reference: BoxNode): number[] {
  const payload = data.payload(reference.box);
  const view = new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
  const ids: number[] = [];
  for (let at = 0; at + 4 <= payload.length; at += 4) ids.push(view.getUint32(at));
  return ids;
}

/** Rewrites `tref` in place (children replaced); returns false when nothing is left. */
export function dropReferences(data: BoxData, tref: BoxNode, removed: ReadonlySet<number>): boolean {
  const kept: BoxNode[] = [];
  for (const reference of tref.children ?? []) {
    const ids = trackIds(data, reference);
    const left = ids.filter((id) => !removed.has(id));
    if (left.length === 0) continue;
    if (left.length !== ids.length) {
      const payload = new Uint8Array(left.length * 4);
      const view = new DataView(payload.buffer);
      left.forEach((id, index) => view.setUint32(index * 4, id));
      reference.replacement = payload;
    }
    kept.push(reference);
  }
  tref.children = kept;
  return kept.length > 0;
}
