/**
 * `iinf` / `infe`: the item list of a HEIF file. infe version 2/3 carries item_ID (16/32-bit),
 * protection index, item_type (`hvc1`, `av01`, `grid`, `Exif`, `mime`, `uri `…), a name, and for
 * `mime` items a content type (XMP is `application/rdf+xml`). Versions 0/1 have no type: MIME-like.
 */
import { ByteView } from '../../bytes/view.js';
import { fourcc } from '../box.js';

export interface ItemInfo {
  readonly id: number;
  readonly type: string;
  readonly contentType: string;
  readonly offset: number;
}

function cString(bytes: Uint8Array, at: number): { text: string; next: number } {
  let end = at;
  while (end < bytes.length && bytes[end] !== 0) end++;
  let text = '';
  for (let index = at; index < end; index++) text += String.fromCharCode(bytes[index]!);
  return { text, next: end + 1 };
}

export function readItemInfo(payload: Uint8Array, offset: number): ItemInfo {
  const view = new ByteView(payload);
  const version = view.u8(0);
  if (version < 2) {
    const id = view.u16be(4);
    const name = cString(payload, 8);
    return { id, type: 'mime', contentType: cString(payload, name.next).text, offset };
  }
  const id = version === 2 ? view.u16be(4) : view.u32be(4);
  const typeAt = version === 2 ? 8 : 10;
  view.need(typeAt, 4, 'infe item_type');
  const type = fourcc(payload, typeAt);
  const name = cString(payload, typeAt + 4);
  const contentType = type === 'mime' && name.next < payload.length ? cString(payload, name.next).text : '';
  return { id, type, contentType, offset };
}

/** A new iinf payload (version/flags + count + entries) for the kept `infe` boxes. */
export function iinfPrefix(version: number, count: number): Uint8Array {
  const out = new Uint8Array(version === 0 ? 6 : 8);
  const view = new DataView(out.buffer);
  out[0] = version;
  if (version === 0) view.setUint16(4, count);
  else view.setUint32(4, count);
  return out;
}
