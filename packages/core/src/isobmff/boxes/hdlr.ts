/**
 * `hdlr`: version/flags, pre_defined (QuickTime: component type `mhlr`/`dhlr`), handler_type,
 * 12 reserved bytes (QuickTime: component manufacturer, e.g. `appl`, then flags), then a name
 * (ISO: null-terminated UTF-8; QuickTime: a counted string). Names often carry the vendor
 * ("GoPro AVC", "Core Media Video"), so scrubbing zeroes the manufacturer and the name bytes in
 * place, which is valid in both conventions (ISO requires zeros there) and keeps the box size.
 */
import { ByteView } from '../../bytes/view.js';
import { fourcc } from '../box.js';

const NAME_OFFSET = 24;

export function handlerType(payload: Uint8Array): string {
  new ByteView(payload).need(8, 4, 'hdlr handler_type');
  return fourcc(payload, 8);
}

export function handlerName(payload: Uint8Array): string {
  let text = '';
  for (let index = NAME_OFFSET; index < payload.length; index++) {
    const byte = payload[index]!;
    if (byte >= 0x20 && byte < 0x7f) text += String.fromCharCode(byte);
  }
  return text.trim();
}

const VENDOR_OFFSET = 12;

/** The QuickTime component manufacturer (`appl`…), or '' when zero. */
export function handlerVendor(payload: Uint8Array): string {
  if (payload.length < VENDOR_OFFSET + 4 || payload.subarray(VENDOR_OFFSET, VENDOR_OFFSET + 4).every((byte) => byte === 0)) return '';
  return fourcc(payload, VENDOR_OFFSET);
}

export function blankName(payload: Uint8Array): Uint8Array {
  const out = payload.slice();
  if (out.length > VENDOR_OFFSET) out.fill(0, VENDOR_OFFSET);
  return out;
}

export { NAME_OFFSET };
